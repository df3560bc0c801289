package cn.gdhrss.intake.register;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code list --cases}, each already validated by the caller; a null filter does not
 * restrict. {@code status} is a {@code CaseState} code, {@code category} a form code
 * (new_occupation...), {@code industry} and {@code text} match anywhere in their columns.
 */
public record CaseQuery(
        @Nullable LocalDate period,
        @Nullable String city,
        @Nullable String status,
        @Nullable String category,
        @Nullable String industry,
        @Nullable String text,
        boolean flaggedOnly) {

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null, false);
    }
}
