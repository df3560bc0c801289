package cn.gdhrss.intake.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a raw header value as mail clients really write it: RFC 2047 encoded-words in any
 * charset, also where RFC 2047 forbids them (inside a quoted parameter, as Foxmail and QQ Mail
 * do), and raw 8-bit bytes (see {@link MailCharsets#decodeUnlabelled(byte[], List)}). The input holds one char per header
 * byte (ISO-8859-1), as Jakarta Mail reads headers when {@code mail.mime.allowutf8} is off.
 */
public final class EncodedWords {

    // RFC 2047 §2; RFC 2231 §5 allows a language after '*' in the charset.
    private static final Pattern WORD =
            Pattern.compile("=\\?([^?\\s*]+)(?:\\*[^?\\s]*)?\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{2}");

    private EncodedWords() {}

    /** The display text of a raw header value or parameter value. */
    public static String decode(String raw) {
        return decode(raw, List.of());
    }

    /**
     * The display text of a raw header value, raw 8-bit bytes in it read with the message's own
     * declared charsets as hints (see {@link MailCharsets#decodeUnlabelled(byte[], List)}).
     */
    public static String decode(String raw, List<Charset> hints) {
        StringBuilder text = new StringBuilder(raw.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = "";
        int position = 0;
        Matcher word = WORD.matcher(raw);
        while (word.find()) {
            String between = raw.substring(position, word.start());
            boolean adjacent = !pendingCharset.isEmpty() && between.isBlank();
            if (!adjacent || !pendingCharset.equalsIgnoreCase(word.group(1))) {
                flush(text, pending, pendingCharset);
                pendingCharset = word.group(1);
                // RFC 2047 §6.2: white space between adjacent encoded-words is not displayed.
                if (!adjacent) {
                    text.append(decodeUnlabelled(between, hints));
                }
            }
            byte[] bytes = decodePayload(word.group(2), word.group(3));
            pending.write(bytes, 0, bytes.length);
            position = word.end();
        }
        flush(text, pending, pendingCharset);
        text.append(decodeUnlabelled(raw.substring(position), hints));
        return MailCharsets.clean(text.toString());
    }

    /** Raw header text without encoded-words: one char per byte, UTF-8 when valid, else GB18030. */
    static String decodeUnlabelled(String raw) {
        return decodeUnlabelled(raw, List.of());
    }

    private static String decodeUnlabelled(String raw, List<Charset> hints) {
        if (hasWideChars(raw)) {
            return MailCharsets.clean(raw);
        }
        return MailCharsets.decodeUnlabelled(raw.getBytes(StandardCharsets.ISO_8859_1), hints);
    }

    private static void flush(StringBuilder text, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            // Words of one charset are joined before decoding: clients split a character across words.
            text.append(MailCharsets.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static byte[] decodePayload(String encoding, String payload) {
        return encoding.equalsIgnoreCase("B") ? decodeBase64(payload) : decodeQ(payload);
    }

    /** Lenient: drops characters outside the alphabet and repairs missing or extra padding. */
    static byte[] decodeBase64(String payload) {
        String clean = payload.replaceAll("[^A-Za-z0-9+/]", "");
        int remainder = clean.length() % 4;
        if (remainder == 1) {
            clean = clean.substring(0, clean.length() - 1);
        } else if (remainder > 1) {
            clean = clean + "==".substring(0, 4 - remainder);
        }
        return Base64.getDecoder().decode(clean);
    }

    private static byte[] decodeQ(String payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < payload.length() && HEX.matcher(payload.substring(i + 1, i + 3)).matches()) {
                bytes.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c & 0xFF);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean hasWideChars(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return true;
            }
        }
        return false;
    }
}
