package cn.gdhrss.intake.casework;

/**
 * Staff asked for something the register cannot do: an unknown case, a wrong value, a review the
 * rules forbid. The message is one Chinese sentence saying what was expected, for the user as is.
 */
public final class CaseWorkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaseWorkException(String message) {
        super(message);
    }
}
