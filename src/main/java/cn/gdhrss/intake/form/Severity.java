package cn.gdhrss.intake.form;

/** {@code error}: the submission must be corrected; {@code warning}: staff should look. */
public enum Severity {
    ERROR,
    WARNING;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
