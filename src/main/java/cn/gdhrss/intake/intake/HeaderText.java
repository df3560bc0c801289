package cn.gdhrss.intake.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes header text as real mail clients write it: RFC 2047 encoded-words in any charset (with
 * the padding and splitting mistakes seen in the wild), and raw 8-bit bytes (UTF-8, else GB18030).
 * Text labelled gb2312 or gbk is decoded as GB18030, its superset, so that characters outside
 * GB2312 survive. Header strings arrive with one char per byte (ISO-8859-1), as Jakarta Mail reads
 * them by default.
 */
public final class HeaderText {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("\\s+");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private HeaderText() {}

    /** The readable text of a raw header value; never throws, undecodable bytes become U+FFFD. */
    public static String decode(String raw) {
        String eightBitDecoded = decodeRawBytes(raw);
        return unfold(decodeEncodedWords(eightBitDecoded));
    }

    static String decodeEncodedWords(String text) {
        Matcher word = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        String pendingCharset = null;
        java.io.ByteArrayOutputStream pendingBytes = new java.io.ByteArrayOutputStream();
        while (word.find()) {
            String gap = text.substring(last, word.start());
            boolean adjacent = pendingCharset != null && BETWEEN_WORDS.matcher(gap).matches() || pendingCharset != null && gap.isEmpty();
            String charset = word.group(1).replaceFirst("\\*.*$", "");
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pendingCharset, pendingBytes);
                if (!adjacent) {
                    out.append(gap);
                }
            }
            pendingCharset = charset;
            byte[] bytes = word.group(2).equalsIgnoreCase("B") ? base64(word.group(3)) : quotedPrintable(word.group(3));
            pendingBytes.writeBytes(bytes);
            last = word.end();
        }
        flush(out, pendingCharset, pendingBytes);
        out.append(text.substring(last));
        return out.toString();
    }

    private static void flush(StringBuilder out, String charset, java.io.ByteArrayOutputStream bytes) {
        if (charset != null && bytes.size() > 0) {
            out.append(decodeBytes(bytes.toByteArray(), charsetFor(charset)));
        }
        bytes.reset();
    }

    /** The Java charset for a MIME charset label, widening Chinese labels to GB18030. */
    public static Charset charsetFor(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT).replace("\"", "");
        switch (name) {
            case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "euc-cn", "x-euc-cn", "gb_2312-80", "chinese", "csgb2312":
                return GB18030;
            case "big5", "x-big5", "big5-hkscs", "cp950":
                return Charset.forName("Big5-HKSCS");
            default:
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
        }
    }

    /** Bytes in {@code charset}; when they are not valid there, UTF-8 then GB18030 are tried. */
    public static String decodeBytes(byte[] bytes, Charset charset) {
        for (Charset candidate : new Charset[] {charset, StandardCharsets.UTF_8, GB18030}) {
            try {
                return candidate.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                // try the next candidate
            }
        }
        return new String(bytes, charset);
    }

    /** Chars above 0x7F in a one-char-per-byte string are raw 8-bit header bytes. */
    static String decodeRawBytes(String raw) {
        boolean eightBit = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return raw;
            }
            eightBit |= c > 0x7F;
        }
        if (!eightBit) {
            return raw;
        }
        return decodeBytes(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        int usable = clean.length() - clean.length() % 4;
        String padded = clean.length() % 4 == 0 ? clean
                : clean.length() % 4 == 1 ? clean.substring(0, usable)
                : clean + "==".substring(0, 4 - clean.length() % 4);
        try {
            return Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] quotedPrintable(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() + 0 && isHex(text, i + 1) && isHex(text, i + 2)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    private static String unfold(String text) {
        return text.replaceAll("\\r?\\n[ \\t]*", " ").trim();
    }
}
