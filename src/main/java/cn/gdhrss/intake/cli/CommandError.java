package cn.gdhrss.intake.cli;

/** A wrong argument: its message is one Chinese sentence saying what was expected, printed as is. */
final class CommandError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandError(String message) {
        super(message);
    }
}
