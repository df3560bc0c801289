package cn.gdhrss.intake.config;

import java.time.Duration;

/**
 * How passes run: schedule, retries and the size limits that protect the machine.
 *
 * @param maxAttempts failures of one message before it is set aside as failed
 * @param maxMessageBytes a larger message is archived whole but not taken apart
 */
public record IntakeSettings(
        String cron,
        int maxAttempts,
        long maxMessageBytes,
        long maxAttachmentBytes,
        int maxParts,
        int maxZipEntries,
        long maxZipExpandedBytes,
        int maxZipRatio,
        int maxZipDepth,
        Duration retryInitial,
        Duration retryMax) {

    public static IntakeSettings from(Settings settings) {
        return new IntakeSettings(
                settings.cron("schedule.cron", "0 0/2 * * * ?"),
                settings.integer("intake.max-attempts", 3),
                settings.number("limits.message-bytes", 2L * 1024 * 1024 * 1024),
                settings.number("limits.attachment-bytes", 1536L * 1024 * 1024),
                settings.integer("limits.parts", 500),
                settings.integer("limits.zip-entries", 1000),
                settings.number("limits.zip-expanded-bytes", 2L * 1024 * 1024 * 1024),
                settings.integer("limits.zip-ratio", 100),
                settings.integer("limits.zip-depth", 3),
                Duration.ofSeconds(settings.number("mailbox.retry.initial-seconds", 60)),
                Duration.ofSeconds(settings.number("mailbox.retry.max-seconds", 3600)));
    }
}
