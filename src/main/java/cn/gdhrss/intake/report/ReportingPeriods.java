package cn.gdhrss.intake.report;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The reporting deadlines of the notice (四、时间安排): 2026-08-10 and 2026-12-31, then every year
 * 05-31 and 12-31. A case belongs to the period of the first deadline on or after its receipt.
 * Yearly deadlines count only after the last fixed one, so a proposal received before the first
 * fixed deadline goes to it and not to a yearly date of the same year.
 */
public final class ReportingPeriods {

    private static final List<LocalDate> NOTICE_FIXED = List.of(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 12, 31));
    private static final List<MonthDay> NOTICE_YEARLY = List.of(MonthDay.of(5, 31), MonthDay.of(12, 31));

    /** Bounds the yearly loop of {@link #deadlinesBetween}: callers ask for a few years at most. */
    static final int MAX_SPAN_YEARS = 1000;

    private final List<LocalDate> fixedDeadlines;
    private final List<MonthDay> yearlyDeadlines;
    private final LocalDate yearlyFrom;

    /**
     * @param fixedDeadlines  one-off deadlines, in any order
     * @param yearlyDeadlines deadlines repeated every year after the last fixed one; at least one,
     *                        so that every date has a period
     */
    public ReportingPeriods(List<LocalDate> fixedDeadlines, List<MonthDay> yearlyDeadlines) {
        if (yearlyDeadlines.isEmpty()) {
            throw new IllegalArgumentException("报送期限配置缺少每年的期限（如 05-31、12-31），无法为以后收到的建议书确定报送期");
        }
        this.fixedDeadlines = List.copyOf(new TreeSet<>(fixedDeadlines));
        this.yearlyDeadlines = List.copyOf(new TreeSet<>(yearlyDeadlines));
        this.yearlyFrom = this.fixedDeadlines.isEmpty()
                ? LocalDate.MIN
                : this.fixedDeadlines.get(this.fixedDeadlines.size() - 1).plusDays(1);
    }

    /** The deadlines of the notice of 2026-06-02. */
    public static ReportingPeriods ofNotice() {
        return new ReportingPeriods(NOTICE_FIXED, NOTICE_YEARLY);
    }

    /** The first deadline on or after {@code receivedDate}: the period the case is reported in. */
    public LocalDate periodOf(LocalDate receivedDate) {
        for (LocalDate fixed : fixedDeadlines) {
            if (!fixed.isBefore(receivedDate)) {
                return fixed;
            }
        }
        // The first yearly deadline falls at the latest one year after the date.
        return deadlinesBetween(receivedDate, receivedDate.plusYears(1)).get(0);
    }

    /**
     * Every deadline from {@code from} to {@code to}, both inclusive, in order.
     *
     * @throws IllegalArgumentException when the span exceeds {@value #MAX_SPAN_YEARS} years
     */
    public List<LocalDate> deadlinesBetween(LocalDate from, LocalDate to) {
        if (ChronoUnit.YEARS.between(from, to) > MAX_SPAN_YEARS) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Deadlines asked for %s to %s; at most %d years at a time", from, to, MAX_SPAN_YEARS));
        }
        TreeSet<LocalDate> deadlines = new TreeSet<>();
        for (LocalDate fixed : fixedDeadlines) {
            if (!fixed.isBefore(from) && !fixed.isAfter(to)) {
                deadlines.add(fixed);
            }
        }
        LocalDate yearlyStart = from.isBefore(yearlyFrom) ? yearlyFrom : from;
        for (int year = yearlyStart.getYear(); year <= to.getYear(); year++) {
            for (MonthDay monthDay : yearlyDeadlines) {
                LocalDate deadline = monthDay.atYear(year);
                if (!deadline.isBefore(yearlyStart) && !deadline.isAfter(to)) {
                    deadlines.add(deadline);
                }
            }
        }
        return List.copyOf(deadlines);
    }
}
