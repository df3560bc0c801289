package cn.gdhrss.intake.attachment;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of an HTML body, for replies and link search; not a renderer. Patterns use
 * character classes only, so a huge or hostile body cannot overflow the regex stack.
 */
final class HtmlText {

    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|head)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/tr|/li|/h[1-6])\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0\\u3000]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n[\\s\\n]*");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "ensp", " ", "emsp", " ");

    private HtmlText() {}

    static String toText(String html) {
        String text = HIDDEN.matcher(html).replaceAll(" ");
        text = COMMENT.matcher(text).replaceAll(" ");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = unescape(text);
        text = SPACES.matcher(text).replaceAll(" ");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    static String unescape(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (entity.find()) {
            entity.appendReplacement(result, Matcher.quoteReplacement(resolve(entity.group(1), entity.group())));
        }
        entity.appendTail(result);
        return result.toString();
    }

    private static String resolve(String body, String whole) {
        if (body.charAt(0) != '#') {
            return NAMED.getOrDefault(body.toLowerCase(Locale.ROOT), whole);
        }
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : " ";
    }
}
