package cn.gdhrss.intake.form;

import org.jspecify.annotations.Nullable;

/**
 * One result of reading or checking a form.
 *
 * @param code stable UPPER_SNAKE identifier, e.g. {@code ANALYSIS_BACKGROUND_TOO_LONG}
 * @param field a JSON path of proposal-fields.md, or null when the finding is about the whole file
 * @param message one Chinese sentence an applicant understands without the code
 */
public record Finding(String code, Severity severity, @Nullable String field, String message) {

    public static Finding error(String code, @Nullable String field, String message) {
        return new Finding(code, Severity.ERROR, field, message);
    }

    public static Finding warning(String code, @Nullable String field, String message) {
        return new Finding(code, Severity.WARNING, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
