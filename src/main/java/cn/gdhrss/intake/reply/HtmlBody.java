package cn.gdhrss.intake.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML alternative of a plain-text letter, with the same content (issue 10): a viewport for
 * phones, one centred column of at most 680 px, inline styles only (QQ Mail, 163 and Outlook drop
 * {@code <style>} blocks), a table layout Outlook's Word engine renders. Conventions of the plain
 * text: the line after the addressee that starts with {@code #} is the heading; lines of
 * {@code | a | b |} are a table whose first row is the header; lines starting with "1. " are
 * numbered items; a line starting with "（一）" names a group.
 */
final class HtmlBody {
    private static final String FONT = "font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','SimSun',sans-serif;";
    /** Compact cells: five columns must still read on a 390 px phone. */
    private static final String CELL = "border:1px solid #c8ccd2;padding:5px 5px;vertical-align:top;text-align:left;font-size:13px;line-height:1.55;";

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("(?<![\\d-])(0\\d{2,3}-\\d{7,8})(?![\\d-])");

    private HtmlBody() {}

    static String of(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>\n"
                + "<body style=\"margin:0;padding:0;background:#f3f4f6;\">\n"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:12px 6px;\">\n"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:680px;background:#ffffff;border:1px solid #dfe2e6;\">"
                + "<tr><td style=\"padding:20px 18px;" + FONT + "font-size:15px;line-height:1.75;color:#1f2328;word-break:break-word;\">\n");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append(paragraph(paragraph.split("\\n")));
        }
        return html.append("</td></tr></table>\n</td></tr></table>\n</body></html>\n").toString();
    }

    private static String paragraph(String[] lines) {
        if (lines[0].startsWith("# ")) {
            return "<h1 style=\"margin:6px 0 14px;" + FONT + "font-size:20px;line-height:1.5;text-align:center;color:#111;\">"
                    + escape(lines[0].substring(2).strip()) + "</h1>\n" + paragraph(rest(lines));
        }
        if (lines[0].strip().startsWith("|")) {
            return table(lines);
        }
        if (lines[0].startsWith(">")) {
            return "<p style=\"margin:0 0 12px;text-align:right;\">" + join(lines, 1) + "</p>\n";
        }
        StringBuilder out = new StringBuilder();
        List<String> plain = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().matches("^(\\d{1,3}\\.|（[一二三四五六七八九十]+）).*")) {
                flush(out, plain);
                boolean group = line.strip().startsWith("（");
                out.append("<p style=\"margin:").append(group ? "10px 0 4px;font-weight:bold;" : "0 0 6px;padding-left:2em;text-indent:-1.4em;")
                        .append("\">").append(unbroken(escape(line.strip()))).append("</p>\n");
            } else {
                plain.add(line);
            }
        }
        flush(out, plain);
        return out.toString();
    }

    private static void flush(StringBuilder out, List<String> plain) {
        if (!plain.isEmpty()) {
            out.append("<p style=\"margin:0 0 12px;\">").append(join(plain.toArray(String[]::new), 0)).append("</p>\n");
            plain.clear();
        }
    }

    private static String table(String[] lines) {
        StringBuilder out = new StringBuilder("<table cellpadding=\"0\" cellspacing=\"0\" width=\"100%\" style=\"border-collapse:collapse;margin:0 0 14px;" + FONT + "\">\n");
        for (int row = 0; row < lines.length; row++) {
            String line = lines[row].strip();
            if (line.matches("^\\|[\\s|:-]+\\|$")) {
                continue;
            }
            out.append("<tr>");
            int column = 0;
            for (String cell : line.replaceAll("^\\||\\|$", "").split("\\|", -1)) {
                String tag = row == 0 ? "th" : "td";
                String text = escape(cell.strip()).replace("；", "；<br>");
                // A reference breaks only after its year (XZY-2026-/0001), so the narrow phone table keeps room for names.
                String shown = column++ == 0 ? text.replaceFirst("^([A-Z]+-\\d{4}-)(\\d+)$", "<span style=\"white-space:nowrap;\">$1</span><wbr>"
                        + "<span style=\"white-space:nowrap;\">$2</span>") : text;
                out.append('<').append(tag).append(" style=\"").append(CELL).append(row == 0 ? "background:#eef1f5;white-space:nowrap;" : "")
                        .append("\">").append(shown).append("</").append(tag).append('>');
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String[] rest(String[] lines) {
        String[] rest = new String[Math.max(1, lines.length - 1)];
        for (int i = 1; i < lines.length; i++) {
            rest[i - 1] = lines[i];
        }
        if (lines.length == 1) {
            rest[0] = "";
        }
        return rest;
    }

    private static String join(String[] lines, int skip) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (out.length() > 0) {
                out.append("<br>\n");
            }
            out.append(unbroken(escape(line.length() >= skip ? line.substring(skip).strip() : line)));
        }
        return out.toString();
    }

    /** A telephone number (020-83305821) never breaks at its hyphen on a narrow screen. */
    private static String unbroken(String html) {
        return PHONE.matcher(html).replaceAll("<span style=\"white-space:nowrap;\">$1</span>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
