package cn.gdhrss.intake.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The text of a .docx table cell as a reader sees it: POI's getText drops Word's non-breaking
 * hyphen, which the summaries put inside numbers, so the cell's XML is read here, the hyphen as
 * "-", the no-break space as " ", line breaks and paragraphs as "\n".
 */
final class DocxText {

    private static final Pattern TOKEN = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:t(?: [^>]*)?/>|<w:noBreakHyphen/>|<w:br/>|</w:p>");

    private DocxText() {}

    static String of(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        Matcher token = TOKEN.matcher(cell.getCTTc().xmlText());
        while (token.find()) {
            String found = token.group();
            if (token.group(1) != null) {
                text.append(unescaped(token.group(1)));
            } else if (found.equals("<w:noBreakHyphen/>")) {
                text.append('-');
            } else if (found.equals("<w:br/>") || found.equals("</w:p>")) {
                text.append('\n');
            }
        }
        return text.toString().replace('\u00A0', ' ').replaceAll("\n$", "");
    }

    private static String unescaped(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
