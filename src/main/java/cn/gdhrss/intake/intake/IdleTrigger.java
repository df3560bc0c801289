package cn.gdhrss.intake.intake;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP IDLE beside the schedule: a daemon thread waits for the server to announce new mail and
 * then asks for a pass at once. A broken connection is logged and retried after a pause; the
 * scheduled passes go on regardless.
 */
public final class IdleTrigger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdleTrigger.class);
    private static final Duration WAIT = Duration.ofMinutes(25);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(1);

    private final ImapIdleWatcher watcher;
    private final Runnable pass;
    private final Thread thread;
    private volatile boolean closed;

    public IdleTrigger(ImapIdleWatcher watcher, Runnable pass) {
        this.watcher = watcher;
        this.pass = pass;
        this.thread = new Thread(this::loop, "imap-idle");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (!closed) {
            try {
                if (watcher.awaitNewMail(WAIT)) {
                    pass.run();
                }
            } catch (MailboxUnavailableException e) {
                LOG.warn("IMAP IDLE interrupted ({}); retrying in {}", e.reason(), PAUSE_AFTER_FAILURE);
                sleep();
            } catch (RuntimeException e) {
                LOG.warn("IMAP IDLE failed; retrying in {}", PAUSE_AFTER_FAILURE, e);
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.close();
        thread.interrupt();
    }
}
