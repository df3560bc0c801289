package cn.gdhrss.intake.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The display name of an attachment from its raw Content-Disposition and Content-Type headers:
 * RFC 2231 {@code filename*} (with continuations and any charset) first, then {@code filename},
 * then the Content-Type {@code name*} / {@code name}. A name is only ever displayed; the bytes are
 * stored under their hash.
 */
public final class FileNames {

    /** Longest name kept for display; the rest of a hostile name is dropped. */
    static final int MAX_NAME_CHARS = 255;

    private static final int MAX_SEGMENTS = 100;
    private static final Pattern SEGMENT = Pattern.compile("\\*(\\d{1,3})(\\*?)");
    private static final Pattern EXTENDED_PREFIX = Pattern.compile("^([^']*)'[^']*'");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\uFEFF]");

    private FileNames() {}

    /**
     * The decoded name from raw header values (one char per byte; either may be empty).
     *
     * @return empty when neither header names the file
     */
    public static Optional<String> fromHeaders(String contentDisposition, String contentType) {
        return fromHeaders(contentDisposition, contentType, List.of());
    }

    /**
     * As {@link #fromHeaders(String, String)}, raw 8-bit bytes in the name read with {@code hints}
     * first: the charsets the message declares elsewhere (issue 10; see {@link MailCharsets#decodeUnlabelled(byte[], List)}).
     */
    public static Optional<String> fromHeaders(String contentDisposition, String contentType, List<Charset> hints) {
        HeaderParameters disposition = HeaderParameters.parse(contentDisposition);
        HeaderParameters type = HeaderParameters.parse(contentType);
        return parameter(disposition, "filename", hints).or(() -> parameter(type, "name", hints)).map(FileNames::forDisplay);
    }

    /** A decoded parameter value: RFC 2231 forms before the plain one (RFC 2231 §4). */
    static Optional<String> parameter(HeaderParameters header, String name) {
        return parameter(header, name, List.of());
    }

    private static Optional<String> parameter(HeaderParameters header, String name, List<Charset> hints) {
        Optional<String> extended = extended(header, name, hints);
        if (extended.isPresent() && !extended.get().isBlank()) {
            return extended;
        }
        return header.find(name).map(value -> EncodedWords.decode(value, hints)).filter(value -> !value.isBlank());
    }

    /** Last path element, without control or bidi characters, at most {@link #MAX_NAME_CHARS}. */
    static String forDisplay(String decoded) {
        String name = CONTROL.matcher(decoded).replaceAll("").trim();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0 && slash < name.length() - 1) {
            name = name.substring(slash + 1).trim();
        }
        return name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS);
    }

    /** RFC 2231 §3 and §4: {@code name*=charset'lang'%XX} and {@code name*0*=...; name*1=...}. */
    private static Optional<String> extended(HeaderParameters header, String name, List<Charset> hints) {
        TreeMap<Integer, String[]> segments = new TreeMap<>();
        header.find(name + "*").ifPresent(value -> segments.put(0, new String[] {value, "*"}));
        if (segments.isEmpty()) {
            collectSegments(header, name, segments);
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(joinSegments(segments, hints));
    }

    private static void collectSegments(HeaderParameters header, String name, TreeMap<Integer, String[]> segments) {
        header.parameters().forEach((key, value) -> {
            if (key.startsWith(name + "*") && segments.size() < MAX_SEGMENTS) {
                Matcher segment = SEGMENT.matcher(key.substring(name.length()));
                if (segment.matches()) {
                    segments.putIfAbsent(Integer.parseInt(segment.group(1)), new String[] {value, segment.group(2)});
                }
            }
        });
    }

    private static String joinSegments(TreeMap<Integer, String[]> segments, List<Charset> hints) {
        String charset = "";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] segment : segments.values()) {
            String value = segment[0];
            boolean encoded = !segment[1].isEmpty();
            if (first && encoded) {
                Matcher prefix = EXTENDED_PREFIX.matcher(value);
                if (prefix.find()) {
                    charset = prefix.group(1);
                    value = value.substring(prefix.end());
                }
            }
            byte[] part = encoded ? percentDecode(value) : value.getBytes(StandardCharsets.ISO_8859_1);
            bytes.write(part, 0, part.length);
            first = false;
        }
        if (charset.isBlank()) {
            // Continuations without a charset: some clients put encoded-words or raw GBK in them.
            return EncodedWords.decode(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1), hints);
        }
        return MailCharsets.decode(bytes.toByteArray(), charset);
    }

    private static byte[] percentDecode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c & 0xFF);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
