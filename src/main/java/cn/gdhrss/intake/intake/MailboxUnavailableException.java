package cn.gdhrss.intake.intake;

import org.jspecify.annotations.Nullable;

/**
 * The mailbox cannot be read now (server down, login refused, folder missing, TLS failure). The
 * message says which mailbox and why, in words staff can act on; the pass retries later.
 */
public final class MailboxUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String reason;

    public MailboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
    }

    public MailboxUnavailableException(String message) {
        super(message);
        this.reason = null;
    }

    /**
     * @param message for the log, English, names the mailbox
     * @param reason for staff, Chinese, e.g. shown by {@code ./run.sh status}
     */
    public MailboxUnavailableException(String message, String reason, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The reason in Chinese for staff; the log message when no Chinese reason was given. */
    public String reason() {
        if (reason != null) {
            return reason;
        }
        String message = getMessage();
        return message == null ? "邮箱暂时无法读取" : message;
    }
}
