package cn.gdhrss.intake.register;

import org.jspecify.annotations.Nullable;

/** One file (or cloud link) found in a message; {@code sha256} is null when the bytes were not kept. */
public record AttachmentRecord(
        int seq,
        @Nullable Integer parentSeq,
        String origin,
        String name,
        String declaredType,
        String detectedType,
        long size,
        @Nullable String sha256,
        String kind,
        String status,
        String statusReason,
        @Nullable String url,
        @Nullable Double durationSeconds,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable String container) {}
