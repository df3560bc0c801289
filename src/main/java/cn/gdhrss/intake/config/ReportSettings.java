package cn.gdhrss.intake.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reporting (issue 5): the deadlines, who prepares the summaries, when the service writes them and
 * whom it tells, and which senders stand for which city.
 *
 * @param fixedDeadlines {@code periods.fixed}, one-off deadlines (yyyy-MM-dd, comma separated)
 * @param yearlyDeadlines {@code periods.yearly}, deadlines of every later year (MM-dd)
 * @param delayDays {@code summary.delay-days}: the service writes a period's summaries this many days after its deadline
 * @param mailTo {@code summary.mail.to}: staff addresses, comma separated; empty = no mail
 * @param preparer {@code summary.preparer}: the 填表人及联系方式 line
 * @param senderCities {@code city.sender.<address-or-domain> = 广州市 | 省属}
 */
public record ReportSettings(
        List<LocalDate> fixedDeadlines,
        List<MonthDay> yearlyDeadlines,
        int delayDays,
        List<String> mailTo,
        String preparer,
        Map<String, String> senderCities) {

    public ReportSettings {
        fixedDeadlines = List.copyOf(fixedDeadlines);
        yearlyDeadlines = List.copyOf(yearlyDeadlines);
        mailTo = List.copyOf(mailTo);
        senderCities = Map.copyOf(senderCities);
    }

    public static ReportSettings from(Settings settings) {
        return new ReportSettings(
                dates(settings, "periods.fixed", "2026-08-10,2026-12-31"),
                monthDays(settings, "periods.yearly", "05-31,12-31"),
                settings.integer("summary.delay-days", 1),
                items(settings.string("summary.mail.to", "")),
                settings.string("summary.preparer", ""),
                settings.withPrefix("city.sender."));
    }

    private static List<LocalDate> dates(Settings settings, String key, String fallback) {
        List<LocalDate> dates = new ArrayList<>();
        for (String item : items(settings.string(key, fallback))) {
            try {
                dates.add(LocalDate.parse(item));
            } catch (DateTimeException e) {
                throw ConfigException.wrongValue(settings.source(), key, "逗号分隔的日期（如 2026-08-10,2026-12-31）", item);
            }
        }
        return dates;
    }

    private static List<MonthDay> monthDays(Settings settings, String key, String fallback) {
        List<MonthDay> days = new ArrayList<>();
        for (String item : items(settings.string(key, fallback))) {
            try {
                days.add(MonthDay.parse("--" + item));
            } catch (DateTimeException e) {
                throw ConfigException.wrongValue(settings.source(), key, "逗号分隔的月-日（如 05-31,12-31）", item);
            }
        }
        if (days.isEmpty()) {
            throw new ConfigException("配置文件 " + settings.source() + " 中的 " + key
                    + " 至少要写一个每年的截止月-日（如 05-31,12-31），现为空。");
        }
        return days;
    }

    private static List<String> items(String text) {
        return java.util.Arrays.stream(text.split("[,，;；\\s]+")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
