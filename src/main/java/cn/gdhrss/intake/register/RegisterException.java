package cn.gdhrss.intake.register;

/** The register could not be read or written; the message names the file or the statement. */
public final class RegisterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegisterException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegisterException(String message) {
        super(message);
    }
}
