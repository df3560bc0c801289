package cn.gdhrss.intake.reply;

import java.util.regex.Pattern;

/**
 * Text that goes into one of our headers. No CR, LF or other control or format character survives
 * (they are how header injection works), white space is collapsed, and the length is bounded.
 */
public final class HeaderSafe {
    private static final Pattern MESSAGE_ID = Pattern.compile("[!-;=?-~&&[^<>\"\\\\(),\\[\\]:;]]{1,120}@[A-Za-z0-9.-]{1,120}");

    private HeaderSafe() {}

    public static String text(String value, int maxLength) {
        StringBuilder clean = new StringBuilder();
        value.codePoints().forEach(codePoint -> {
            int type = Character.getType(codePoint);
            boolean control = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            clean.appendCodePoint(control || Character.isWhitespace(codePoint) ? ' ' : codePoint);
        });
        String collapsed = clean.toString().replaceAll(" {2,}", " ").strip();
        return collapsed.codePointCount(0, collapsed.length()) <= maxLength
                ? collapsed
                : collapsed.substring(0, collapsed.offsetByCodePoints(0, maxLength)) + "…";
    }

    /** A Message-ID (without brackets) fit to repeat in In-Reply-To/References, else empty. */
    public static java.util.Optional<String> messageId(String id) {
        String bare = id.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return MESSAGE_ID.matcher(bare).matches() ? java.util.Optional.of(bare) : java.util.Optional.empty();
    }
}
