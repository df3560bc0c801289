package cn.gdhrss.intake.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A mailbox that messages are taken from. A pass calls {@link #open}, {@link #pending}, then for
 * each message {@link #openRaw} and, only after the message is committed to the register,
 * {@link #afterCommit}; {@link #close} always. A source never deletes or flags anything before
 * {@link #afterCommit}, so a crash at any point loses nothing.
 */
public interface MailSource extends AutoCloseable {

    /** The stable name the register files checkpoints under, e.g. {@code imap://user@host:993/INBOX}. */
    String mailbox();

    /** Connects and logs in; throws {@link MailboxUnavailableException} with the reason. */
    void open();

    /** Messages not yet taken, oldest first. */
    List<SourceMessage> pending(MailboxState state);

    /** The raw bytes of one message, exactly as the server holds them; the caller closes the stream. */
    InputStream openRaw(SourceMessage message) throws IOException;

    /** The configured action on the server (mark seen, move, leave, delete) once registered. */
    void afterCommit(SourceMessage message);

    /**
     * Whether the connection to the server still holds after a message could not be read: when it
     * does not, the server went away (a fault of the mailbox, waited out) and the message itself
     * is not to blame. Sources without a connection (a folder, files) always hold.
     */
    default boolean stillConnected() {
        return true;
    }

    /**
     * Whether {@link #openRaw} may be called for several messages at once from other threads: true
     * for files on this machine, false for a server connection, which reads one message at a time.
     */
    default boolean readsInParallel() {
        return false;
    }

    @Override
    void close();
}
