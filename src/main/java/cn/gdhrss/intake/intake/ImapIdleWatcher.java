package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
    private volatile @Nullable IMAPStore store;
    private volatile @Nullable IMAPFolder folder;
    private volatile boolean closed;
    private boolean idleUnsupportedLogged;
    private long knownHighestUid;
    private long knownUidValidity;
    private boolean wasConnected;

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
     * #LONGEST_WAIT}) has passed; mail that arrived since the previous call returned counts too.
     * Connects on the first call and again after a failure. A server without IDLE makes this a
     * plain sleep of {@code max}.
     *
     * @return true when new mail arrived, false when the time ran out or the watcher was closed
     * @throws MailboxUnavailableException when the server cannot be reached or the connection breaks
     */
    public boolean awaitNewMail(Duration max) {
        long deadline = System.nanoTime() + clamp(max).toNanos();
        if (closed) {
            return false;
        }
        try {
            return waitOnce(deadline);
        } catch (MailboxUnavailableException e) {
            if (closed || !wasConnected) {
                throw e;
            }
            // An idle connection dropped by the server or a NAT box: one fresh connection, then give up.
            LOG.debug("Mailbox {}: IDLE connection lost, reconnecting", settings.mailboxName(), e);
            return !closed && waitOnce(deadline);
        }
    }

    private boolean waitOnce(long deadline) {
        IMAPFolder open = connected();
        if (!supportsIdle()) {
            return sleepUntil(deadline);
        }
        ScheduledFuture<?> ending = timer.scheduleAtFixedRate(() -> abortIdle(open),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.MILLISECONDS.toNanos(ABORT_RETRY_MILLIS), TimeUnit.NANOSECONDS);
        try {
            // Servers need not announce, once IDLE starts, what arrived before it: ask first.
            open.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
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
        while (!closed) {
            if (hasNewMail(open)) {
                LOG.debug("Mailbox {}: new mail announced", settings.mailboxName());
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            open.idle(true);
        }
        return false;
    }

    /**
     * New mail is a UID above the highest seen so far; a message count would be fooled when the
     * pass moves or deletes messages on its own connection while new ones arrive.
     */
    private boolean hasNewMail(IMAPFolder open) throws MessagingException {
        long highest = highestUid(open);
        boolean arrived = highest > knownHighestUid;
        knownHighestUid = Math.max(knownHighestUid, highest);
        return arrived;
    }

    private static long highestUid(IMAPFolder open) throws MessagingException {
        int count = open.getMessageCount();
        return count == 0 ? 0 : open.getUID(open.getMessage(count));
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
            long highest = highestUid(opened);
            if (!wasConnected || opened.getUIDValidity() != knownUidValidity) {
                knownHighestUid = highest;
                knownUidValidity = opened.getUIDValidity();
            }
            wasConnected = true;
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
