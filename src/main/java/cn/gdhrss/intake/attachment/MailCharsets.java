package cn.gdhrss.intake.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Charset labels as mail clients write them, and unlabelled 8-bit bytes decoded as mail clients do
 * (issue 10): valid UTF-8 first, then the charsets the message itself declares elsewhere (hints),
 * then a statistical detector (ICU's, as shipped in Tika), and GB18030 only for bytes that look
 * like GB2312 text, so that GBK is never forced onto Latin-1, Big5, Cyrillic or Hebrew bytes.
 * Every decoded text is cleaned: NUL and control characters never reach the register or a reply.
 */
public final class MailCharsets {

    /** Superset of GB2312 and GBK: characters outside GB2312 (生僻字 in names) survive. */
    public static final Charset GB18030 = Charset.forName("GB18030");
    /** What browsers and mail clients read for ISO-8859-1 and for unknown single-byte text. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gb2312", "GB18030"),
            Map.entry("gb_2312-80", "GB18030"),
            Map.entry("gb_2312", "GB18030"),
            Map.entry("csgb2312", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"),
            Map.entry("ms936", "GB18030"),
            Map.entry("windows-936", "GB18030"),
            Map.entry("euc-cn", "GB18030"),
            Map.entry("x-euc-cn", "GB18030"),
            Map.entry("chinese", "GB18030"),
            Map.entry("hz-gb-2312", "GB18030"),
            // Big5 as Hong Kong and Taiwan clients really write it: HKSCS is its superset.
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("x-x-big5", "Big5-HKSCS"),
            Map.entry("cn-big5", "Big5-HKSCS"),
            Map.entry("csbig5", "Big5-HKSCS"),
            Map.entry("cp950", "Big5-HKSCS"),
            Map.entry("ms950", "Big5-HKSCS"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("ksc5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            // RFC 1556: -i (implicit bidi) and -e (explicit) are the same bytes as ISO-8859-8.
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-8-e", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("iso-8859-6-e", "ISO-8859-6"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("l1", "windows-1252"),
            Map.entry("windows-874", "x-windows-874"),
            Map.entry("shift-jis", "Shift_JIS"),
            Map.entry("x-sjis", "Shift_JIS"),
            // Clients label 8-bit text as ASCII or as nothing in particular: such bytes are unlabelled.
            Map.entry("us-ascii", ""),
            Map.entry("ascii", ""),
            Map.entry("x-unknown", ""),
            Map.entry("unknown-8bit", ""),
            Map.entry("x-user-defined", ""),
            Map.entry("default", ""));
    private static final Pattern LEADING_NAME = Pattern.compile("^[a-z0-9._:+-]+");
    private static final Pattern DECLARED = Pattern.compile("(?i)charset\\s*=\\s*\"?([a-z0-9._:+-]{2,40})|=\\?([a-z0-9._:+-]{2,40})(?:\\*[^?]*)?\\?[bq]\\?");
    private static final Set<String> NOT_CHINESE = Set.of("Big5", "Big5-HKSCS", "EUC-KR", "EUC-JP", "Shift_JIS", "ISO-2022-JP",
            "windows-1251", "KOI8-R", "ISO-8859-5", "ISO-8859-8", "windows-1255", "ISO-8859-6", "windows-1256", "ISO-8859-7");
    private static final int MIN_CONFIDENCE_SINGLE_BYTE = 10;
    private static final int MIN_CONFIDENCE_OVER_GB = 50;
    private static final int MAX_DETECTED_BYTES = 64 * 1024;

    private MailCharsets() {}

    /**
     * The charset to decode text labelled {@code label}; empty for blank or unknown labels. A label
     * with junk after a known name ({@code utf-8lang}, {@code gb2312 (simplified)}) is read by that name.
     */
    public static Optional<Charset> forLabel(String label) {
        String key = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        Optional<Optional<Charset>> exact = lookUp(key);
        if (exact.isPresent()) {
            return exact.get();
        }
        Matcher leading = LEADING_NAME.matcher(key);
        String name = leading.find() ? leading.group() : "";
        for (int end = name.length(); end >= 3; end--) {
            Optional<Optional<Charset>> found = lookUp(name.substring(0, end));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Optional.empty();
    }

    /** Outer empty: not a name we know; inner empty: a name that means "unlabelled". */
    private static Optional<Optional<Charset>> lookUp(String key) {
        String name = ALIASES.getOrDefault(key, key);
        if (name.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            return Charset.isSupported(name) ? Optional.of(Optional.of(Charset.forName(name))) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The charsets a block of raw header or body text declares (Content-Type charset, encoded-words), usable as hints. */
    public static List<Charset> declaredIn(String raw) {
        // The text is mostly base64; a case-blind search from every position of 64 KiB cost a tenth of
        // the import, and lower-casing all of it first still 4 % (issue 12), so the pattern is tried
        // only where "charset" (in any case) or "=?" starts.
        Set<Charset> found = new LinkedHashSet<>();
        Matcher declared = DECLARED.matcher(raw);
        int parameter = indexOfCharset(raw, 0);
        int word = raw.indexOf("=?");
        while (found.size() < 8 && (parameter >= 0 || word >= 0)) {
            int at = parameter < 0 ? word : word < 0 ? parameter : Math.min(parameter, word);
            declared.region(at, raw.length());
            int from = at + 1;
            if (declared.lookingAt()) {
                String label = declared.group(1) != null ? declared.group(1) : declared.group(2);
                forLabel(label).ifPresent(found::add);
                from = declared.end();
            }
            parameter = parameter >= 0 && parameter < from ? indexOfCharset(raw, from) : parameter;
            word = word >= 0 && word < from ? raw.indexOf("=?", from) : word;
        }
        return List.copyOf(found);
    }

    /** Where "charset", in any mix of cases, next starts at or after {@code from}; -1 when nowhere. */
    private static int indexOfCharset(String raw, int from) {
        int last = raw.length() - "charset".length();
        for (int i = from; i <= last; i++) {
            char c = raw.charAt(i);
            if ((c == 'c' || c == 'C') && raw.regionMatches(true, i + 1, "harset", 0, 6)) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes labelled {@code charset}: undecodable sequences become U+FFFD; control characters are removed. */
    public static String decode(byte[] bytes, Charset charset) {
        return clean(new String(bytes, charset));
    }

    /** Unlabelled 8-bit bytes, without hints. */
    public static String decodeUnlabelled(byte[] bytes) {
        return decodeUnlabelled(bytes, List.of());
    }

    /**
     * Unlabelled 8-bit bytes: ASCII; valid UTF-8; the first hint under which they decode without
     * error (windows-1252 not for bytes that read as GB2312 pairs); else the detector's verdict, GB18030 when the bytes look like GB2312 text and the
     * detector is not sure of another East-Asian, Cyrillic or Hebrew charset; else windows-1252.
     */
    public static String decodeUnlabelled(byte[] bytes, List<Charset> hints) {
        if (isAscii(bytes)) {
            return clean(new String(bytes, StandardCharsets.US_ASCII));
        }
        Optional<String> strict = strictly(bytes, StandardCharsets.UTF_8);
        if (strict.isPresent()) {
            return clean(strict.get());
        }
        boolean gbLike = looksLikeGb2312(bytes);
        for (Charset hint : hints) {
            // Nearly any bytes decode as windows-1252: a Latin-1 body says little about pairs that read as Chinese.
            boolean weak = hint.equals(WINDOWS_1252) && gbLike;
            if (!hint.equals(StandardCharsets.UTF_8) && !hint.equals(StandardCharsets.US_ASCII) && !weak) {
                Optional<String> hinted = strictly(bytes, hint);
                if (hinted.isPresent()) {
                    return clean(hinted.get());
                }
            }
        }
        return decode(bytes, guess(bytes));
    }

    /** Bytes labelled {@code label}, or unlabelled when the label is blank or unknown. */
    public static String decode(byte[] bytes, String label) {
        return decode(bytes, label, List.of());
    }

    /** As {@link #decode(byte[], String)}, unlabelled bytes read with {@code hints} first. */
    public static String decode(byte[] bytes, String label, List<Charset> hints) {
        return forLabel(label).map(charset -> decode(bytes, charset)).orElseGet(() -> decodeUnlabelled(bytes, hints));
    }

    /**
     * Text without NUL, C0/C1 control characters (tab and line ends kept) and bidirectional
     * overrides, which would hide a file's real extension or garble the register.
     */
    public static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F
                    || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static Charset guess(byte[] bytes) {
        Optional<CharsetMatch> detected = detect(bytes);
        if (looksLikeGb2312(bytes)) {
            return detected.filter(match -> match.getConfidence() >= MIN_CONFIDENCE_OVER_GB && NOT_CHINESE.contains(match.getName()))
                    .flatMap(match -> forLabel(match.getName())).orElse(GB18030);
        }
        return detected.filter(match -> match.getConfidence() >= MIN_CONFIDENCE_SINGLE_BYTE)
                .flatMap(match -> forLabel(match.getName())).orElse(WINDOWS_1252);
    }

    private static Optional<CharsetMatch> detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector(Math.min(bytes.length, MAX_DETECTED_BYTES));
        detector.setText(bytes.length <= MAX_DETECTED_BYTES ? bytes : java.util.Arrays.copyOf(bytes, MAX_DETECTED_BYTES));
        List<CharsetMatch> matches = new ArrayList<>();
        for (CharsetMatch match : detector.detectAll()) {
            if (!match.getName().startsWith("UTF-16") && !match.getName().startsWith("UTF-32") && !match.getName().startsWith("IBM")) {
                matches.add(match);
            }
        }
        return matches.stream().findFirst();
    }

    /**
     * Every high byte is part of a pair in the GB2312 (EUC-CN) range A1–FE, or of a GBK pair with
     * a high trail byte; Chinese text is runs of such pairs, Latin-1 text has lone high bytes.
     */
    static boolean looksLikeGb2312(byte[] bytes) {
        int pairs = 0;
        for (int i = 0; i < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                continue;
            }
            int trail = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
            if (lead < 0x81 || lead == 0xFF || trail < 0xA1 || trail == 0xFF) {
                return false;
            }
            pairs++;
            i++;
        }
        return pairs > 0;
    }

    private static Optional<String> strictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notThisCharset) {
            return Optional.empty();
        }
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
