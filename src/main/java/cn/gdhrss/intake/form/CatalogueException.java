package cn.gdhrss.intake.form;

/**
 * A reference catalogue (the CSV files of {@code reference/}) is missing or cannot be read; the
 * message names the file, the line or column, and what to put right.
 */
public final class CatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
