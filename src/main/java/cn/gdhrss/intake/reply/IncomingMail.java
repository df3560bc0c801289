package cn.gdhrss.intake.reply;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the reply policy needs from a received message, read from its raw archived bytes.
 *
 * @param headers header values by lower-case name, raw (not decoded), each bounded
 * @param mentionedOwnIds Message-IDs of our own domain named anywhere in the first megabyte
 *     (a bounce quotes the mail it returns)
 */
public record IncomingMail(Map<String, List<String>> headers, List<String> mentionedOwnIds) {

    public IncomingMail {
        headers = Map.copyOf(headers);
        mentionedOwnIds = List.copyOf(mentionedOwnIds);
    }

    public Optional<String> first(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean has(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public String value(String name) {
        return first(name).orElse("");
    }
}
