package cn.gdhrss.intake.register;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code list --cases}; a null filter does not restrict. {@code category} is a form code
 * (new_occupation...), {@code industry} and {@code text} match anywhere in their columns; text
 * looks at name, alternative names, definition and applicant.
 */
public record CaseFilter(
        @Nullable LocalDate period,
        @Nullable String city,
        @Nullable String status,
        @Nullable String category,
        @Nullable String industry,
        @Nullable String text) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null);
    }
}
