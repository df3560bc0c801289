package cn.gdhrss.intake.reply;

/** The simple HTML alternative of a plain-text body: escaped, paragraphs and line breaks kept. */
final class HtmlBody {
    private HtmlBody() {}

    static String of(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n"
                + "<body style=\"font-family:'Microsoft YaHei','PingFang SC',sans-serif;font-size:14px;line-height:1.6\">\n");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
