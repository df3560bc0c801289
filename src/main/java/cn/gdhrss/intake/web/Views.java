package cn.gdhrss.intake.web;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Register records as the maps the templates read (no nulls: FreeMarker treats them as missing). */
final class Views {
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.of("Asia/Shanghai"));
    static final String NO_PROPOSAL = "（无建议书）";

    private Views() {}

    /** A map of alternating keys and values; a null value becomes "". */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value == null ? "" : value);
        }
        return map;
    }

    static String time(@Nullable Instant instant) {
        return instant == null ? "" : LOCAL.format(instant);
    }

    static String nameOf(CaseListing row) {
        return row.name().isBlank() ? NO_PROPOSAL : row.name();
    }

    static String categoryLabel(String code) {
        return Category.labelOf(code);
    }

    static String reviews(List<ReviewRecord> reviews) {
        return ReviewOutcomes.summary(reviews);
    }

    /** The register row of a case, cells in the order of {@link RegisterColumns}. */
    static Map<String, Object> row(CaseListing row) {
        return of("reference", row.reference(), "receivedAt", time(row.receivedAt()), "city", row.city().isEmpty() ? "未确定" : row.city(),
                "period", row.period() == null ? "" : row.period().toString(), "category", categoryLabel(row.category()),
                "name", nameOf(row), "applicant", row.applicant(), "status", CaseState.labelOf(row.status()),
                "statusCode", row.status(), "errors", row.openErrors(), "reviews", reviews(row.reviews()), "flagged", row.flagged());
    }
}
