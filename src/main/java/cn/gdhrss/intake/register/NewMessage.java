package cn.gdhrss.intake.register;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message archived and about to be registered, with what the source and its headers say. */
public record NewMessage(
        String mailbox,
        String uid,
        long uidValidity,
        @Nullable String messageId,
        String sha256,
        String fromAddress,
        String replyTo,
        String toAddress,
        @Nullable Instant dateHeader,
        String subject,
        long size,
        Instant receivedAt,
        String rawPath,
        @Nullable StoredHeaders headers) {

    /** Without stored headers: the answer step then reads them from the raw file once and keeps them. */
    public NewMessage(String mailbox, String uid, long uidValidity, @Nullable String messageId, String sha256, String fromAddress,
            String replyTo, String toAddress, @Nullable Instant dateHeader, String subject, long size, Instant receivedAt,
            String rawPath) {
        this(mailbox, uid, uidValidity, messageId, sha256, fromAddress, replyTo, toAddress, dateHeader, subject, size,
                receivedAt, rawPath, null);
    }
}
