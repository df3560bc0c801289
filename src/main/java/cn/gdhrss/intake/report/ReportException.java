package cn.gdhrss.intake.report;

/** The one unchecked exception of the report capability: reference data missing or unreadable. */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
