package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReportingPeriodsTest {

    private final ReportingPeriods periods = ReportingPeriods.ofNotice();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-06-05, 2026-08-10",
        "2026-08-10, 2026-08-10",
        "2026-08-11, 2026-12-31",
        "2026-12-31, 2026-12-31",
        "2027-01-01, 2027-05-31",
        "2027-05-31, 2027-05-31",
        "2027-06-01, 2027-12-31",
        "2030-12-31, 2030-12-31",
    })
    void assignsFirstDeadlineOnOrAfterReceipt(LocalDate received, LocalDate period) {
        assertThat(periods.periodOf(received)).isEqualTo(period);
    }

    @Test
    void ignoresYearlyDeadlineBeforeTheLastFixedOne() {
        // 2026-05-31 is a yearly date, but the notice's first period runs to 2026-08-10.
        assertThat(periods.periodOf(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 8, 10));
    }

    @Test
    void listsDeadlinesBetweenTwoDatesInclusive() {
        assertThat(periods.deadlinesBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 5, 31)))
                .containsExactly(
                        LocalDate.of(2026, 8, 10), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 5, 31),
                        LocalDate.of(2027, 12, 31), LocalDate.of(2028, 5, 31));
    }

    @Test
    void listsNoDeadlineInAGapBetweenThem() {
        assertThat(periods.deadlinesBetween(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 12, 30))).isEmpty();
    }

    @Test
    void takesConfiguredDeadlinesInAnyOrder() {
        ReportingPeriods configured = new ReportingPeriods(
                List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 8, 10)), List.of(MonthDay.of(12, 31), MonthDay.of(5, 31)));
        assertThat(configured.periodOf(LocalDate.of(2026, 8, 11))).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void refusesAConfigurationWithoutYearlyDeadlines() {
        assertThatThrownBy(() -> new ReportingPeriods(List.of(LocalDate.of(2026, 8, 10)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("每年");
    }
}
