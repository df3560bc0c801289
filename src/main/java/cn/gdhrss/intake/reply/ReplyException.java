package cn.gdhrss.intake.reply;

/** A reply could not be composed or sent for a reason outside the applicant's mail (templates, transport). */
public final class ReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplyException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReplyException(String message) {
        super(message);
    }
}
