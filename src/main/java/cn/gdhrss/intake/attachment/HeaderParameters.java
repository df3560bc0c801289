package cn.gdhrss.intake.attachment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Content-Type or Content-Disposition value split leniently into its first token and its
 * parameters: missing closing quotes, unquoted specials, unescaped Windows backslashes and raw
 * 8-bit bytes are all accepted, and the first of duplicated parameters wins. Values are kept raw
 * (one char per header byte); {@link FileNames} decodes them.
 *
 * @param value the first token, lowercase, e.g. {@code attachment} or {@code text/plain}
 * @param parameters lowercase names, in header order, values unquoted but not decoded
 */
record HeaderParameters(String value, Map<String, String> parameters) {

    /** Bounds the work on a hostile header: flanker's 210 KB header has thousands of parameters. */
    private static final int MAX_PARAMETERS = 200;

    static HeaderParameters parse(String header) {
        String unfolded = header.replaceAll("\r?\n", "");
        int semicolon = unfolded.indexOf(';');
        String first = (semicolon < 0 ? unfolded : unfolded.substring(0, semicolon)).trim();
        // "application/pdf name=x.pdf" (semicolon forgotten): the value ends at the first blank.
        String value = first.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int position = semicolon < 0 ? unfolded.length() : semicolon + 1;
        while (position < unfolded.length() && parameters.size() < MAX_PARAMETERS) {
            position = readParameter(unfolded, position, parameters);
        }
        return new HeaderParameters(value, parameters);
    }

    Optional<String> find(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    private static int readParameter(String text, int start, Map<String, String> parameters) {
        int equals = text.indexOf('=', start);
        int semicolon = text.indexOf(';', start);
        if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
            return semicolon < 0 ? text.length() : semicolon + 1;
        }
        String name = text.substring(start, equals).trim().toLowerCase(Locale.ROOT);
        int position = skipSpaces(text, equals + 1);
        StringBuilder value = new StringBuilder();
        int end = position < text.length() && text.charAt(position) == '"'
                ? readQuoted(text, position + 1, value)
                : readToken(text, position, value);
        if (!name.isEmpty()) {
            parameters.putIfAbsent(name, value.toString());
        }
        return end;
    }

    /** Reads up to the closing quote (or the end: some clients never close it). */
    private static int readQuoted(String text, int start, StringBuilder value) {
        int position = start;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                int semicolon = text.indexOf(';', position);
                return semicolon < 0 ? text.length() : semicolon + 1;
            }
            boolean escape = c == '\\' && position + 1 < text.length()
                    && (text.charAt(position + 1) == '"' || text.charAt(position + 1) == '\\');
            // A lone backslash is kept: Windows clients send paths like "C:\temp\a.doc" unescaped.
            value.append(escape ? text.charAt(++position) : c);
            position++;
        }
        return position;
    }

    private static int readToken(String text, int start, StringBuilder value) {
        int semicolon = text.indexOf(';', start);
        int end = semicolon < 0 ? text.length() : semicolon;
        value.append(text, start, end);
        int trimmed = value.length();
        while (trimmed > 0 && Character.isWhitespace(value.charAt(trimmed - 1))) {
            trimmed--;
        }
        value.setLength(trimmed);
        return semicolon < 0 ? text.length() : semicolon + 1;
    }

    private static int skipSpaces(String text, int start) {
        int position = start;
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        return position;
    }
}
