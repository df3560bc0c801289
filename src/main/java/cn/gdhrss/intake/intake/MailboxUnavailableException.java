package cn.gdhrss.intake.intake;

/**
 * The mailbox cannot be read now (server down, login refused, folder missing, TLS failure). The
 * message says which mailbox and why, in words staff can act on; the pass retries later.
 */
public final class MailboxUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public MailboxUnavailableException(String message) {
        super(message);
    }
}
