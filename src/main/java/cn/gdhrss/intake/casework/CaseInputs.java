package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.register.CaseQuery;
import cn.gdhrss.intake.report.CityDecision;
import cn.gdhrss.intake.report.ReportingPeriods;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Values staff type (on the command line or in the web console), checked before anything is read
 * or written: an unknown city, state, category or period is an error naming the valid values, not
 * an empty result.
 */
public final class CaseInputs {
    private final List<String> cities;
    private final ReportingPeriods periods;
    private final LocalDate today;

    public CaseInputs(List<String> cities, ReportingPeriods periods, LocalDate today) {
        this.cities = List.copyOf(cities);
        this.periods = periods;
        this.today = today;
    }

    /** The filters of {@code list --cases} from what was typed; null or blank means no filter. */
    public CaseQuery query(@Nullable String period, @Nullable String city, @Nullable String status, @Nullable String category,
            @Nullable String industry, @Nullable String text, boolean flaggedOnly) {
        return new CaseQuery(isBlank(period) ? null : period(period), isBlank(city) ? null : filterCity(city),
                isBlank(status) ? null : state(status).code(), isBlank(category) ? null : category(category),
                isBlank(industry) ? null : industry.strip(), isBlank(text) ? null : text.strip(), flaggedOnly);
    }

    /** A state by its Chinese name or English code. */
    public CaseState state(String text) {
        try {
            return CaseState.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CaseWorkException(e.getMessage());
        }
    }

    /** A city a case can be assigned to: one of the 21 cities or 省属. */
    public String city(String text) {
        String typed = text.strip();
        if (cities.contains(typed) || CityDecision.PROVINCIAL.equals(typed)) {
            return typed;
        }
        for (String city : cities) {
            if (city.equals(typed + "市")) {
                return city;
            }
        }
        throw new CaseWorkException("城市应为 " + String.join("、", cities) + " 或 省属，不是“" + text + "”。");
    }

    /** A city to filter by: a city of {@link #city}, or 未确定 for cases still unplaced. */
    public String filterCity(String text) {
        return CityDecision.UNDECIDED.equals(text.strip()) ? CityDecision.UNDECIDED : city(text);
    }

    /** A reporting period: a configured deadline, typed as 2026-12-31. */
    public LocalDate period(String text) {
        LocalDate date = date(text, "报送期");
        if (periods.deadlinesBetween(date, date).isEmpty()) {
            throw new CaseWorkException("报送期应为配置的报送截止日之一（" + deadlinesAround() + "），不是“" + text + "”。");
        }
        return date;
    }

    /** A calendar date typed as 2026-12-31; {@code what} names it in the error. */
    public LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CaseWorkException(what + "应为“年-月-日”格式的日期，如 " + today + "，不是“" + text + "”。");
        }
    }

    /** 申报类别 by code or its Chinese label (新职业, 新工种, 调整变更…). */
    public String category(String text) {
        String typed = text.strip();
        for (Category category : Category.values()) {
            if (category.code().equalsIgnoreCase(typed) || category.label().startsWith(typed)) {
                return category.code();
            }
        }
        throw new CaseWorkException("申报类别应为 " + String.join("、", Arrays.stream(Category.values()).map(Category::label).toList())
                + " 之一，不是“" + text + "”。");
    }

    /** The deadlines of last year, this year and next, as staff can type them. */
    String deadlinesAround() {
        return String.join("、", periods.deadlinesBetween(today.minusYears(1).withDayOfYear(1), today.plusYears(1).withMonth(12).withDayOfMonth(31))
                .stream().map(LocalDate::toString).toList());
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    static String normalisedReference(String reference) {
        return reference.strip().toUpperCase(Locale.ROOT);
    }
}
