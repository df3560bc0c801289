package cn.gdhrss.intake.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Charset labels as Chinese mail clients write them, and the fallback for unlabelled bytes. */
public final class MailCharsets {

    /** Superset of GB2312 and GBK: characters outside GB2312 (生僻字 in names) survive. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gb2312", "GB18030"),
            Map.entry("gb_2312-80", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"),
            Map.entry("ms936", "GB18030"),
            Map.entry("windows-936", "GB18030"),
            Map.entry("euc-cn", "GB18030"),
            Map.entry("x-euc-cn", "GB18030"),
            Map.entry("chinese", "GB18030"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            // Clients label 8-bit text as ASCII; such bytes are treated as unlabelled.
            Map.entry("us-ascii", ""),
            Map.entry("ascii", ""));

    private MailCharsets() {}

    /** The charset to decode text labelled {@code label}; empty for blank or unknown labels. */
    public static Optional<Charset> forLabel(String label) {
        String key = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        String name = ALIASES.getOrDefault(key, key);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** Bytes labelled {@code charset}: undecodable sequences become U+FFFD. */
    public static String decode(byte[] bytes, Charset charset) {
        return new String(bytes, charset);
    }

    /** Unlabelled 8-bit bytes: UTF-8 when they are valid UTF-8, else GB18030 (Chinese Windows). */
    public static String decodeUnlabelled(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /** Bytes labelled {@code label}, or unlabelled when the label is blank or unknown. */
    public static String decode(byte[] bytes, String label) {
        return forLabel(label).map(charset -> decode(bytes, charset)).orElseGet(() -> decodeUnlabelled(bytes));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
