package cn.gdhrss.intake.form;

import java.util.Optional;

/** 申报类别 of both forms; {@link #code()} is the JSON value of proposal-fields.md. */
public enum Category {
    NEW_OCCUPATION("new_occupation", "新职业"),
    NEW_JOB_TYPE("new_job_type", "新工种"),
    CHANGE("change", "调整变更职业(工种)信息");

    private final String code;
    private final String label;

    Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Chinese wording of the form, as staff and applicants read it. */
    public String label() {
        return label;
    }

    /** The label of {@code code}, the code itself when it is no category ("" stays ""). */
    public static String labelOf(String code) {
        return fromCode(code).map(Category::label).orElse(code);
    }

    public static Optional<Category> fromCode(String code) {
        for (Category category : values()) {
            if (category.code.equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
