package cn.gdhrss.intake.register;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One outgoing mail and its delivery state.
 *
 * @param state {@code queued}, {@code claimed}, {@code transmitting}, {@code sent}, {@code retrying},
 *     {@code failed} or {@code uncertain} (see {@link OutboxRepository})
 * @param lastResponse the server's last answer (or the transport's error), "" before the first attempt
 */
public record OutboxRecord(
        long id,
        @Nullable Long caseId,
        String reference,
        @Nullable Long messageRef,
        String kind,
        String to,
        String subject,
        String messageId,
        String inReplyTo,
        List<String> references,
        String bodyText,
        String bodyHtml,
        String state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String claimedBy,
        String lastResponse,
        Instant createdAt,
        @Nullable Instant sentAt) {

    private static final java.util.regex.Pattern QUEUE_ID = java.util.regex.Pattern.compile(
            "(?i)(?:queued as|queue id|id=|message accepted for delivery:?)\\s*<?([A-Za-z0-9._@-]{4,})");

    public OutboxRecord {
        references = List.copyOf(references);
    }

    /**
     * The id under which the mail server queued the mail, from its 250 reply ({@code 250 2.0.0 Ok:
     * queued as 4XyZ1}, Postfix; {@code id=…}, Exim), "" when it gave none: what staff quote to the
     * server's operator to trace a reply.
     */
    public String queueId() {
        java.util.regex.Matcher found = QUEUE_ID.matcher(lastResponse);
        return found.find() ? found.group(1) : "";
    }
}
