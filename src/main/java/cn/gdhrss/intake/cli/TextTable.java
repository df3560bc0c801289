package cn.gdhrss.intake.cli;

import java.util.ArrayList;
import java.util.List;

/** A terminal table whose columns line up with Chinese text (CJK characters take two columns). */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    void add(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell).replace('\n', ' '));
        }
        rows.add(row);
    }

    String render(int maxColumnWidth) {
        int[] widths = new int[header.size()];
        measure(header, widths, maxColumnWidth);
        rows.forEach(row -> measure(row, widths, maxColumnWidth));
        StringBuilder out = new StringBuilder();
        line(out, header, widths, maxColumnWidth);
        rows.forEach(row -> line(out, row, widths, maxColumnWidth));
        return out.toString();
    }

    private static void measure(List<String> row, int[] widths, int max) {
        for (int i = 0; i < row.size() && i < widths.length; i++) {
            widths[i] = Math.max(widths[i], Math.min(max, width(row.get(i))));
        }
    }

    private static void line(StringBuilder out, List<String> row, int[] widths, int max) {
        for (int i = 0; i < widths.length; i++) {
            String cell = i < row.size() ? clip(row.get(i), max) : "";
            out.append(cell).append(" ".repeat(widths[i] - width(cell)));
            out.append(i == widths.length - 1 ? "\n" : "  ");
        }
    }

    private static String clip(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder clipped = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int w = width(codePoint);
            if (used + w > max - 1) {
                break;
            }
            clipped.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        return clipped.append('…').toString();
    }

    static int width(String text) {
        int sum = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            sum += width(codePoint);
            i += Character.charCount(codePoint);
        }
        return sum;
    }

    /**
     * The blocks CJK_UNIFIED_IDEOGRAPHS (and extension A), CJK_SYMBOLS_AND_PUNCTUATION, the
     * full-width half of HALFWIDTH_AND_FULLWIDTH_FORMS, CJK_COMPATIBILITY_IDEOGRAPHS and planes 2-3
     * as plain ranges: Character.UnicodeBlock.of was most of a 100,000-row listing's time.
     */
    private static int width(int codePoint) {
        if (codePoint < 0x3000) {
            return 1;
        }
        boolean wide = codePoint >= 0x4E00 && codePoint <= 0x9FFF
                || codePoint >= 0x3400 && codePoint <= 0x4DBF
                || codePoint <= 0x303F
                || codePoint >= 0xFF00 && codePoint < 0xFF61
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0x20000 && codePoint <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
