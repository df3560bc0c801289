package cn.gdhrss.intake.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Body rows of a summary table as WordprocessingML text, character for character what XMLBeans
 * saves for the same row built with XWPF: each cell one paragraph (aligned, and kept with the next
 * on the last row) holding one run. Issue 12: building and saving a city's 2,500 rows through
 * XMLBeans took most of the summary's time; written as text they cost next to nothing.
 *
 * <p>Cell text must be {@link CellText#clean clean}: XMLBeans would replace what XML cannot carry,
 * this class does not.
 */
final class TableRowXml {

    /** A hyphen or blank between two letters or digits, where a line must not break: 020-83305821, XZY-2026-0001. */
    static final Pattern NUMBER_JOINT = Pattern.compile("(?<=[0-9A-Za-z])[- ](?=[0-9A-Za-z])");
    static final String NO_BREAK_SPACE = "\u00A0";

    /** XMLBeans writes text of more than this many characters as CDATA when it holds more than {@link #CDATA_ENTITIES} of < and &. */
    private static final int CDATA_LENGTH = 32;
    private static final int CDATA_ENTITIES = 5;

    private TableRowXml() {}

    /** One {@code <w:tr>}: {@code cells[i]} is centred where {@code centred[i]}, else left-aligned. */
    static void appendRow(StringBuilder xml, List<String> cells, boolean[] centred, boolean keepNext) {
        xml.append("<w:tr>");
        for (int index = 0; index < cells.size(); index++) {
            xml.append("<w:tc><w:p><w:pPr>");
            if (keepNext) {
                xml.append("<w:keepNext/>");
            }
            xml.append(centred[index] ? "<w:jc w:val=\"center\"/>" : "<w:jc w:val=\"left\"/>").append("</w:pPr>");
            appendRun(xml, cells.get(index));
            xml.append("</w:p></w:tc>");
        }
        xml.append("</w:tr>");
    }

    /** The run of a cell: a line break for each \n; hyphens and blanks inside numbers do not break. */
    private static void appendRun(StringBuilder xml, String text) {
        int start = xml.length();
        xml.append("<w:r>");
        int content = xml.length();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (index > 0) {
                xml.append("<w:br/>");
            }
            appendUnbroken(xml, lines[index]);
        }
        if (xml.length() == content) {
            xml.setLength(start);
            xml.append("<w:r/>");
        } else {
            xml.append("</w:r>");
        }
    }

    private static void appendUnbroken(StringBuilder xml, String line) {
        Matcher joint = NUMBER_JOINT.matcher(line);
        int start = 0;
        while (joint.find()) {
            appendText(xml, line.substring(start, joint.start()));
            if (joint.group().equals("-")) {
                xml.append("<w:noBreakHyphen/>");
            } else {
                appendText(xml, NO_BREAK_SPACE);
            }
            start = joint.end();
        }
        appendText(xml, line.substring(start));
    }

    private static void appendText(StringBuilder xml, String text) {
        if (!text.isEmpty()) {
            xml.append("<w:t xml:space=\"preserve\">");
            appendEscaped(xml, text);
            xml.append("</w:t>");
        }
    }

    /**
     * Text content as XMLBeans' TextSaver escapes it: < and & as entities and > after ]]; or, for
     * long text with many < and &, one CDATA section (split where it holds ]]>).
     */
    static void appendEscaped(StringBuilder xml, String text) {
        int entities = 0;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == '<' || character == '&') {
                entities++;
            }
        }
        if (text.length() > CDATA_LENGTH && entities > CDATA_ENTITIES) {
            appendCdata(xml, text);
            return;
        }
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == '<') {
                xml.append("&lt;");
            } else if (character == '&') {
                xml.append("&amp;");
            } else if (character == '>' && closesCdata(text, index)) {
                xml.append("&gt;");
            } else {
                xml.append(character);
            }
        }
    }

    private static void appendCdata(StringBuilder xml, String text) {
        xml.append("<![CDATA[");
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            xml.append(character == '>' && closesCdata(text, index) ? "]]>><![CDATA[" : String.valueOf(character));
        }
        xml.append("]]>");
    }

    /** Whether the > at {@code index} ends a ]]>. */
    private static boolean closesCdata(String text, int index) {
        return index >= 2 && text.charAt(index - 1) == ']' && text.charAt(index - 2) == ']';
    }
}
