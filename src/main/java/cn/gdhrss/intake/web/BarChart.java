package cn.gdhrss.intake.web;

import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart as inline SVG, drawn on the server (no script, nothing fetched): one bar
 * per label with its count at the end. Labels are escaped here, as the SVG goes into the page unescaped.
 */
final class BarChart {
    private static final int ROW = 22;
    private static final int LABEL_WIDTH = 200;
    private static final int BAR_WIDTH = 300;

    private BarChart() {}

    static String svg(String title, Map<String, Integer> counts) {
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int height = counts.size() * ROW + 10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
                        + "<title>%s</title>", LABEL_WIDTH + BAR_WIDTH + 60, height, LABEL_WIDTH + BAR_WIDTH + 60, height, escape(title)));
        int y = 5;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            int width = entry.getValue() == 0 ? 0 : Math.max(2, entry.getValue() * BAR_WIDTH / max);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"bar\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"count\">%d</text>",
                    LABEL_WIDTH - 8, y + 15, escape(entry.getKey()), LABEL_WIDTH, y + 3, width, ROW - 6,
                    LABEL_WIDTH + width + 6, y + 15, entry.getValue()));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
