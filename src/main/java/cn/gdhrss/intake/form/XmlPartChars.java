package cn.gdhrss.intake.form;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The characters of an XML part for {@link WordXmlScanner}, {@code chars[start, end)}, and whether they were UTF-16. */
record XmlPartChars(char[] chars, int start, int end, boolean utf16) {

    /** UTF-8 (with or without its mark) or UTF-16 with its byte order mark; null for anything else or malformed bytes. */
    static @Nullable XmlPartChars of(byte[] part) {
        int n = part.length;
        if (n >= 3 && (part[0] & 0xFF) == 0xEF && (part[1] & 0xFF) == 0xBB && (part[2] & 0xFF) == 0xBF) {
            return decode(part, 3, StandardCharsets.UTF_8, false);
        }
        if (n >= 2 && (part[0] & 0xFF) == 0xFE && (part[1] & 0xFF) == 0xFF) {
            return decode(part, 2, StandardCharsets.UTF_16BE, true);
        }
        if (n >= 4 && (part[0] & 0xFF) == 0xFF && (part[1] & 0xFF) == 0xFE && (part[2] != 0 || part[3] != 0)) {
            return decode(part, 2, StandardCharsets.UTF_16LE, true);
        }
        if (n == 0 || part[0] != '<') {
            return null;
        }
        return decode(part, 0, StandardCharsets.UTF_8, false);
    }

    private static @Nullable XmlPartChars decode(byte[] part, int offset, Charset charset, boolean utf16) {
        try {
            CharBuffer decoded = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(part, offset, part.length - offset));
            if (!decoded.hasArray()) {
                return null;
            }
            int start = decoded.arrayOffset() + decoded.position();
            return new XmlPartChars(decoded.array(), start, start + decoded.remaining(), utf16);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
