package cn.gdhrss.intake.form;

import java.util.Locale;
import java.util.Set;

/**
 * Word inserts ticks and boxes from symbol fonts (Wingdings) as private-use code points; this maps
 * them to a visible mark so 申报类别 can tell an empty box from a ticked one.
 */
final class SymbolMarks {

    /** Wingdings empty box, square, circle and ballot box, as hex of the private-use character. */
    private static final Set<String> EMPTY = Set.of("F0A8", "F06F", "F071", "F0A1", "F0A6", "F0A3", "F070");

    private SymbolMarks() {}

    /** "□" for an empty box, "■" for any other symbol, "" when the code is unreadable. */
    static String mark(byte[] code) {
        if (code == null || code.length == 0) {
            return "";
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : code) {
            hex.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        String value = hex.toString();
        if (value.length() == 2) {
            value = "F0" + value;
        }
        return EMPTY.contains(value) ? "□" : "■";
    }

    /**
     * {@code text} with every symbol-font character (U+F000 to U+F0FF, as Word and LibreOffice store
     * a Wingdings glyph in .doc, Word 2003 XML and RTF) turned into a mark.
     */
    static String inText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uF000' && c <= '\uF0FF') {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(mark(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The same decision for a character read from a .doc, where symbols arrive as U+F0xx. */
    static String mark(char symbol) {
        return EMPTY.contains(String.format(Locale.ROOT, "%04X", (int) symbol)) ? "□" : "■";
    }
}
