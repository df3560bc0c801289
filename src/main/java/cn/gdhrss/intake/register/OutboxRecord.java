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

    public OutboxRecord {
        references = List.copyOf(references);
    }
}
