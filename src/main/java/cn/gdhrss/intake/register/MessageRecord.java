package cn.gdhrss.intake.register;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A registered message, as the register holds it. */
public record MessageRecord(
        long id,
        @Nullable String messageId,
        String sha256,
        String mailbox,
        String uid,
        String fromAddress,
        String replyTo,
        String toAddress,
        @Nullable Instant dateHeader,
        String subject,
        long size,
        Instant receivedAt,
        Instant registeredAt,
        String rawPath,
        String status,
        String statusReason,
        int attempts,
        String lastError,
        boolean messageIdConflict,
        String bodyText) {

    /** The status as the one type of them; an unknown code (a newer schema) reads as received. */
    public MessageStatus statusType() {
        return MessageStatus.of(status).orElse(MessageStatus.RECEIVED);
    }
}
