package cn.gdhrss.intake.form;

/**
 * Character counts as the form's limits mean them (产生背景 400字以内 …): what a reader sees.
 */
public final class TextLength {

    private TextLength() {}

    /**
     * Counts Chinese characters, letters, digits, punctuation and symbols, one per code point
     * (a character outside the BMP counts once). White space of every kind (spaces, the
     * full-width space U+3000, tabs, line breaks), control and format characters (zero-width
     * space, BOM) and combining marks are not counted. Returns 0 for the empty string.
     */
    public static int visibleLength(String s) {
        return (int) s.codePoints().filter(TextLength::isVisible).count();
    }

    private static boolean isVisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.UNASSIGNED, Character.SURROGATE -> false;
            default -> true;
        };
    }
}
