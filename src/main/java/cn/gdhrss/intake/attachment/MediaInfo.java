package cn.gdhrss.intake.attachment;

import org.jspecify.annotations.Nullable;

/**
 * What Tika could read from a video's container; each value is null when it could not.
 *
 * @param container short container name, e.g. {@code mp4}, {@code mov}, {@code flv}
 */
public record MediaInfo(
        @Nullable Double durationSeconds,
        @Nullable Integer width,
        @Nullable Integer height,
        String container) {}
