package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits in IMAP IDLE (RFC 2177) for new mail in the configured folder, on a connection of its own,
 * so that the scheduler can start a pass at once instead of at the next trigger. Used from one
 * thread; {@link #close} may come from another and ends a wait in progress.
 */
public final class ImapIdleWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImapIdleWatcher.class);

    /** RFC 2177 §3: servers may log out a client idle for 30 minutes, so IDLE is re-issued before. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(25);

    /** How often the end of a wait is retried: an abort sent just before IDLE starts does nothing. */
    private static final long ABORT_RETRY_MILLIS = 200;

    private final MailboxSettings settings;
    private final Session session;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean added = new AtomicBoolean();
    private volatile @Nullable IMAPStore store;
    private volatile @Nullable IMAPFolder folder;
    private volatile boolean closed;
    private boolean idleUnsupportedLogged;

    public ImapIdleWatcher(MailboxSettings settings) {
        this(settings, MailSessionFactory.create(settings));
    }

    ImapIdleWatcher(MailboxSettings settings, Session session) {
        this.settings = settings;
        this.session = session;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imap-idle-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Blocks until the server announces new mail in the folder or {@code max} (at most {@link
     * #LONGEST_WAIT}) has passed. Connects on the first call and again after a failure. A server
     * without IDLE makes this a plain sleep of {@code max}.
     *
     * @return true when new mail arrived, false when the time ran out or the watcher was closed
     * @throws MailboxUnavailableException when the server cannot be reached or the connection breaks
     */
    public boolean awaitNewMail(Duration max) {
        long deadline = System.nanoTime() + clamp(max).toNanos();
        IMAPFolder open = connected();
        if (!supportsIdle()) {
            return sleepUntil(deadline);
        }
        ScheduledFuture<?> ending = timer.scheduleAtFixedRate(() -> abortIdle(open),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.MILLISECONDS.toNanos(ABORT_RETRY_MILLIS), TimeUnit.NANOSECONDS);
        try {
            return idleUntil(open, deadline);
        } catch (MessagingException | IllegalStateException e) {
            disconnect();
            if (closed) {
                return false;
            }
            throw MailboxFailures.unavailable(settings, e instanceof MessagingException m ? m : new MessagingException(e.getMessage(), e));
        } finally {
            ending.cancel(false);
        }
    }

    /** Ends a wait in progress and logs out. */
    @Override
    public void close() {
        closed = true;
        IMAPFolder open = folder;
        if (open != null) {
            abortIdle(open);
        }
        timer.shutdownNow();
        disconnect();
    }

    private boolean idleUntil(IMAPFolder open, long deadline) throws MessagingException {
        int before = open.getMessageCount();
        while (!closed && System.nanoTime() < deadline) {
            open.idle(true);
            if (added.getAndSet(false) || open.getMessageCount() > before) {
                LOG.debug("Mailbox {}: new mail announced", settings.mailboxName());
                return true;
            }
        }
        return false;
    }

    private IMAPFolder connected() {
        IMAPFolder open = folder;
        if (open != null && open.isOpen()) {
            return open;
        }
        disconnect();
        IMAPStore connectedStore = ImapConnections.connect(settings, session);
        try {
            IMAPFolder opened = (IMAPFolder) connectedStore.getFolder(settings.folder());
            opened.open(Folder.READ_ONLY);
            opened.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    added.set(true);
                }
            });
            store = connectedStore;
            folder = opened;
            return opened;
        } catch (MessagingException e) {
            ImapConnections.closeQuietly(connectedStore);
            throw MailboxFailures.unavailable(settings, e);
        }
    }

    private boolean supportsIdle() {
        IMAPStore connectedStore = store;
        try {
            if (connectedStore != null && connectedStore.hasCapability("IDLE")) {
                return true;
            }
        } catch (MessagingException e) {
            LOG.debug("Mailbox {}: capability check failed", settings.mailboxName(), e);
        }
        if (!idleUnsupportedLogged) {
            LOG.info("Mailbox {}: server does not support IDLE; new mail is found by the scheduled passes only",
                    settings.mailboxName());
            idleUnsupportedLogged = true;
        }
        return false;
    }

    /** Any command on the folder from another thread makes Angus send DONE and end the IDLE. */
    private void abortIdle(IMAPFolder open) {
        try {
            if (open.isOpen()) {
                open.doCommand(protocol -> null);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: ending IDLE failed", settings.mailboxName(), e);
        }
    }

    private boolean sleepUntil(long deadline) {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, deadline - System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void disconnect() {
        IMAPFolder open = folder;
        folder = null;
        if (open != null && open.isOpen()) {
            try {
                open.close(false);
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("Mailbox {}: closing the IDLE folder failed", settings.mailboxName(), e);
            }
        }
        IMAPStore connectedStore = store;
        store = null;
        if (connectedStore != null) {
            ImapConnections.closeQuietly(connectedStore);
        }
    }

    private static Duration clamp(Duration max) {
        if (max.isNegative()) {
            return Duration.ZERO;
        }
        return max.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : max;
    }
}
