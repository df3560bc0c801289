package cn.gdhrss.intake.config;

import java.time.Duration;

/**
 * When the service mails staff about itself: no successful pass for {@code maxSilence}, or the
 * last {@code failedPasses} passes all failed. An empty {@code staffAddress} turns the mail off.
 */
public record HealthSettings(String staffAddress, Duration maxSilence, int failedPasses, String cron) {

    public static HealthSettings from(Settings settings) {
        return new HealthSettings(
                settings.string("health.staff-address", ""),
                Duration.ofMinutes(settings.number("health.max-silence-minutes", 60)),
                settings.integer("health.failed-passes", 5),
                settings.cron("health.cron", "0 0/5 * * * ?"));
    }
}
