package cn.gdhrss.intake.register;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A message's top-level headers as intake read them, kept in the register for every later step
 * (issue 11): one read, one decoder, so the From shown to staff and the address a reply goes to
 * cannot disagree.
 *
 * @param headers values by lower-case name in their order, raw (encoded-words kept), unfolded,
 *     control characters removed, bounded in count and length
 * @param from the valid bare addresses of From, lower case
 * @param replyTo the same for Reply-To
 * @param returnPath the same for Return-Path
 */
public record StoredHeaders(Map<String, List<String>> headers, List<String> from, List<String> replyTo, List<String> returnPath) {

    public StoredHeaders {
        // In the message's order (Map.copyOf would not keep it, and order differed from one run to the next).
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        headers.forEach((name, values) -> ordered.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(ordered);
        from = List.copyOf(from);
        replyTo = List.copyOf(replyTo);
        returnPath = List.copyOf(returnPath);
    }

    public Optional<String> first(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
