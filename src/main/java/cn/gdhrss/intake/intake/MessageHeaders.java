package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.attachment.EncodedWords;
import cn.gdhrss.intake.attachment.MailAddresses;
import cn.gdhrss.intake.attachment.MailCharsets;
import cn.gdhrss.intake.register.StoredHeaders;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The headers the register keeps, read from the top of an archived message. A message with broken
 * or missing headers still gives a record: every field is then "" or null, never an exception.
 * This is the one header decoder (issue 11): intake stores {@link #stored()} with the message, and
 * every later step reads that instead of parsing the raw file again.
 */
public record MessageHeaders(
        @Nullable String messageId,
        String from,
        String replyTo,
        String to,
        @Nullable Instant date,
        String subject,
        @Nullable Instant topmostReceived,
        StoredHeaders stored) {

    /** Headers past this many bytes are not read: flanker's 210 KB header fits, a runaway one does not. */
    private static final long MAX_HEADER_BYTES = 1024 * 1024;
    /** Body bytes searched for declared charsets: the first parts' headers are near the top. */
    private static final int MAX_HINT_BYTES = 64 * 1024;
    /** Headers kept per message, and characters per value: a header flood costs at most ~2 MB of register. */
    private static final int MAX_HEADERS = 500;
    private static final int MAX_VALUE = 4000;
    private static final List<String> ADDRESS_HEADERS = List.of("from", "reply-to", "return-path");
    /** Control characters other than tab, NUL included: nothing later must meet them in a header. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    public static MessageHeaders read(Path rawMessage) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(rawMessage))) {
            InternetHeaders headers = new InternetHeaders(new BoundedInputStream(in, MAX_HEADER_BYTES));
            // The body parts' headers follow: their charsets are hints for raw 8-bit top headers too (issue 10).
            String bodyStart = new String(in.readNBytes(MAX_HINT_BYTES), StandardCharsets.ISO_8859_1);
            return of(headers, MailCharsets.declaredIn(bodyStart));
        } catch (MessagingException e) {
            return new MessageHeaders(null, "", "", "", null, "", null, new StoredHeaders(Map.of(), List.of(), List.of(), List.of()));
        }
    }

    static MessageHeaders of(InternetHeaders headers) {
        return of(headers, List.of());
    }

    /** @param bodyHints charsets declared in the body (its parts' Content-Type), after those of the headers */
    static MessageHeaders of(InternetHeaders headers, List<Charset> bodyHints) {
        List<Charset> hints = new ArrayList<>(declaredCharsets(headers));
        bodyHints.stream().filter(hint -> !hints.contains(hint)).forEach(hints::add);
        return new MessageHeaders(
                messageIdOf(headers.getHeader("Message-ID", null)),
                text(headers, "From", hints),
                text(headers, "Reply-To", hints),
                text(headers, "To", hints),
                parseDate(headers.getHeader("Date", null)),
                text(headers, "Subject", hints),
                topmostReceived(headers.getHeader("Received")),
                stored(headers));
    }

    /**
     * Every top-level header, raw but unfolded and cleaned, and the address lists parsed once from
     * them. The addresses are parsed from the whole first value, before it is cut for keeping: a
     * long display name must not cost the applicant his reply.
     */
    static StoredHeaders stored(InternetHeaders headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        Enumeration<Header> each = headers.getAllHeaders();
        int count = 0;
        while (each.hasMoreElements() && count++ < MAX_HEADERS) {
            Header header = each.nextElement();
            String name = CONTROL.matcher(header.getName()).replaceAll("").toLowerCase(Locale.ROOT);
            String value = header.getValue() == null ? "" : CONTROL.matcher(header.getValue().replaceAll("\\r?\\n(?=[ \\t])", ""))
                    .replaceAll("");
            if (ADDRESS_HEADERS.contains(name) && !addresses.containsKey(name)) {
                addresses.put(name, MailAddresses.parse(value));
            }
            all.computeIfAbsent(name, key -> new ArrayList<>()).add(bounded(value, MAX_VALUE));
        }
        return new StoredHeaders(all, addresses.getOrDefault("from", List.of()), addresses.getOrDefault("reply-to", List.of()),
                addresses.getOrDefault("return-path", List.of()));
    }

    /** Raw 8-bit headers are read as the message's own encoded-words and Content-Type say it writes (issue 10). */
    private static List<Charset> declaredCharsets(InternetHeaders headers) {
        StringBuilder declared = new StringBuilder();
        for (String name : List.of("Content-Type", "Subject", "From", "To", "Reply-To", "Cc")) {
            String value = headers.getHeader(name, " ");
            if (value != null) {
                declared.append(value, 0, Math.min(value.length(), 4000)).append('\n');
            }
        }
        return MailCharsets.declaredIn(declared.toString());
    }

    private static String text(InternetHeaders headers, String name, List<Charset> hints) {
        String raw = headers.getHeader(name, ", ");
        return raw == null ? "" : bounded(EncodedWords.decode(raw, hints).replaceAll("\\r?\\n[ \\t]*", " ").trim(), 2000);
    }

    private static @Nullable String messageIdOf(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.trim();
        int open = id.indexOf('<');
        int close = id.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            id = id.substring(open + 1, close);
        }
        id = id.trim();
        return id.isEmpty() ? null : bounded(id, 998);
    }

    /** RFC 5322 §3.6.7: the date follows the last semicolon of a Received header. */
    private static @Nullable Instant topmostReceived(String @Nullable [] received) {
        if (received == null || received.length == 0) {
            return null;
        }
        String first = received[0];
        int semicolon = first.lastIndexOf(';');
        return semicolon < 0 ? null : parseDate(first.substring(semicolon + 1));
    }

    static @Nullable Instant parseDate(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Date date = new MailDateFormat().parse(value.replaceAll("\\s+", " ").trim(), new ParsePosition(0));
        return date == null ? null : date.toInstant();
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public Optional<String> optionalMessageId() {
        return Optional.ofNullable(messageId);
    }
}
