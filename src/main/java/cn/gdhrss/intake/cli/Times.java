package cn.gdhrss.intake.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the office reads them: Beijing time, to the minute. */
final class Times {
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.of("Asia/Shanghai"));

    private Times() {}

    static String local(Instant instant) {
        return LOCAL.format(instant);
    }
}
