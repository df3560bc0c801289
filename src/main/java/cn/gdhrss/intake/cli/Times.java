package cn.gdhrss.intake.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.Locale;

/** Times as the office reads them: Beijing time, to the minute. */
final class Times {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final ZoneRules RULES = BEIJING.getRules();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(BEIJING);

    private Times() {}

    static String local(Instant instant) {
        return LOCAL.format(instant);
    }

    /**
     * {@link #local(Instant)} of a time in seconds since 1970, written digit by digit: the formatter
     * was a noticeable part of printing 100,000 rows (issue 12). Years outside 1000-9999 take the formatter.
     */
    static String local(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, RULES.getOffset(instant));
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            return local(instant);
        }
        char[] text = new char[16];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
