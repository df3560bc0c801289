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
        String rawPath) {}
