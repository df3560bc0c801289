package cn.gdhrss.intake.report;

/**
 * Text from proposals made safe for a cell: characters XML 1.0 cannot carry are dropped (they
 * would corrupt the file), line ends become \n, and the length is capped at Excel's cell limit.
 */
final class CellText {

    /** Excel's limit on the characters of one cell. */
    static final int MAX_LENGTH = 32_767;

    private CellText() {}

    static String clean(String text) {
        if (isClean(text)) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int index = 0; index < unified.length() && cleaned.length() < MAX_LENGTH; index++) {
            char character = unified.charAt(index);
            if (Character.isHighSurrogate(character) && index + 1 < unified.length()
                    && Character.isLowSurrogate(unified.charAt(index + 1))) {
                if (cleaned.length() + 2 > MAX_LENGTH) {
                    break;
                }
                cleaned.append(character).append(unified.charAt(++index));
            } else if (isXmlCharacter(character)) {
                cleaned.append(character);
            }
        }
        return cleaned.toString();
    }

    /** Most text needs no change; checking first spares a copy of every cell of a large summary. */
    private static boolean isClean(String text) {
        if (text.length() > MAX_LENGTH) {
            return false;
        }
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == '\r' || !isXmlCharacter(character)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Display width in half-width units: CJK and full-width characters take two, others one. Used to
     * estimate wrapped row heights, since neither POI nor a streamed sheet can measure text.
     */
    static int displayWidth(String text) {
        int width = 0;
        for (int index = 0; index < text.length(); index++) {
            width += text.charAt(index) >= 0x1100 ? 2 : 1;
        }
        return width;
    }

    /** Lines the text needs in a column {@code columnWidth} half-width characters wide. */
    static int wrappedLines(String text, int columnWidth) {
        int usable = Math.max(1, columnWidth - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (displayWidth(paragraph) + usable - 1) / usable);
        }
        return lines;
    }

    private static boolean isXmlCharacter(char character) {
        if (character < 0x20) {
            return character == '\t' || character == '\n';
        }
        return !Character.isSurrogate(character) && character != 0xFFFE && character != 0xFFFF;
    }
}
