package cn.gdhrss.intake.form;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The web page inside a single-file web page (.mht, RFC 2557 multipart/related), as Word and WPS
 * save it: the first text/html part, its transfer encoding (quoted-printable, base64) undone.
 * Mail libraries are fenced out of this package, and an .mht needs only this much MIME.
 */
final class MhtDocument {

    private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*\"?([^\";\\r\\n]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_\\-]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_PARTS = 1_000;

    /** The page's bytes and the charset its part declares ({@code null}: the page's meta says). */
    record Page(byte[] bytes, @Nullable String charset) {}

    private MhtDocument() {}

    /** The first HTML part; empty when the file holds none. */
    static Optional<Page> html(byte[] file) {
        // Latin-1 maps bytes one to one: the MIME structure is ASCII, the page's bytes survive.
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int bodyStart = headerEnd(text, 0);
        String headers = unfold(text.substring(0, Math.max(0, bodyStart)));
        Matcher boundary = BOUNDARY.matcher(headers);
        if (!boundary.find()) {
            return isHtml(headers) ? Optional.of(decode(headers, text.substring(bodyStart))) : Optional.empty();
        }
        String delimiter = "--" + boundary.group(1).strip();
        int at = text.indexOf(delimiter, bodyStart);
        for (int parts = 0; at >= 0 && parts < MAX_PARTS; parts++) {
            int partStart = text.indexOf('\n', at);
            if (partStart < 0) {
                break;
            }
            int next = text.indexOf(delimiter, partStart);
            String part = text.substring(partStart + 1, next < 0 ? text.length() : next);
            int partBody = headerEnd(part, 0);
            String partHeaders = unfold(part.substring(0, Math.max(0, partBody)));
            if (isHtml(partHeaders)) {
                return Optional.of(decode(partHeaders, part.substring(partBody)));
            }
            at = next;
        }
        return Optional.empty();
    }

    private static boolean isHtml(String headers) {
        return headers.toLowerCase(Locale.ROOT).matches("(?s).*content-type:\\s*text/html.*");
    }

    /** Index just past the blank line that ends the headers starting at {@code from}. */
    private static int headerEnd(String text, int from) {
        int crlf = text.indexOf("\r\n\r\n", from);
        int lf = text.indexOf("\n\n", from);
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf + 4;
        }
        return lf >= 0 ? lf + 2 : text.length();
    }

    private static String unfold(String headers) {
        return headers.replaceAll("\\r?\\n[ \\t]+", " ");
    }

    private static Page decode(String headers, String body) {
        String lower = headers.toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (lower.contains("content-transfer-encoding: quoted-printable")) {
            bytes = quotedPrintable(body);
        } else if (lower.contains("content-transfer-encoding: base64")) {
            bytes = base64(body);
        } else {
            bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        }
        Matcher charset = CHARSET.matcher(headers);
        return new Page(bytes, charset.find() ? charset.group(1) : null);
    }

    /** RFC 2045 §6.7: "=XX" a byte, "=" at the end of a line a soft break. */
    static byte[] quotedPrintable(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '=') {
                out.write(c);
            } else if (i + 1 < body.length() && (body.charAt(i + 1) == '\n' || body.charAt(i + 1) == '\r')) {
                i += body.startsWith("\r\n", i + 1) ? 2 : 1;
            } else if (i + 2 < body.length() && isHex(body.charAt(i + 1)) && isHex(body.charAt(i + 2))) {
                out.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static byte[] base64(String body) {
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
