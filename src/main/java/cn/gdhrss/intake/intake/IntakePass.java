package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.register.Checkpoint;
import cn.gdhrss.intake.register.IntakeRepository;
import cn.gdhrss.intake.register.NewMessage;
import cn.gdhrss.intake.register.Registration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every pending message of one source exactly once: archive the raw bytes (fsynced), then
 * register them with the mailbox checkpoint in one transaction, then, and only then, run the
 * source's after-commit action. A message that fails is counted and left on the server for the
 * next pass; the others go on.
 */
public final class IntakePass {
    private static final Logger LOG = LoggerFactory.getLogger(IntakePass.class);
    /** Messages of a local source archived at once: each waits mostly on its own fsync (issue 12). */
    private static final int ARCHIVERS = 4;

    private final RawArchive archive;
    private final IntakeRepository repository;
    private final Clock clock;

    public IntakePass(RawArchive archive, IntakeRepository repository, Clock clock) {
        this.archive = archive;
        this.repository = repository;
        this.clock = clock;
    }

    /** Runs one pass; {@code progress} hears the number of messages handled so far. */
    public PassResult run(MailSource source, IntConsumer progress) {
        String mailbox = source.mailbox();
        int fresh = 0;
        int duplicates = 0;
        int failed = 0;
        ExecutorService pool = null;
        try {
            source.open();
            List<SourceMessage> pending = source.pending(stateOf(mailbox));
            if (source.readsInParallel() && pending.size() > 1) {
                pool = Executors.newFixedThreadPool(ARCHIVERS, IntakePass::archiver);
            }
            Deque<Archiving> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < pending.size() || !ahead.isEmpty()) {
                while (next < pending.size() && ahead.size() < (pool == null ? 1 : 2 * ARCHIVERS)) {
                    ahead.add(archiving(source, pending.get(next++), pool));
                }
                Archiving oldest = ahead.poll();
                Taken taken = take(source, oldest);
                switch (taken) {
                    case NEW -> fresh++;
                    case DUPLICATE, ALREADY_TAKEN -> duplicates++;
                    case FAILED -> failed++;
                }
                progress.accept(fresh + duplicates + failed);
                if (taken == Taken.FAILED && oldest.message().uidValidity() > 0) {
                    // The IMAP checkpoint only moves forward: taking later UIDs now would skip this one for good.
                    break;
                }
            }
            return new PassResult(mailbox, fresh, duplicates, failed, "");
        } catch (MailboxUnavailableException e) {
            // What was taken before the mailbox went away stays taken; the rest waits for the next pass.
            return new PassResult(mailbox, fresh, duplicates, failed, e.reason());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            source.close();
        }
    }

    /** ALREADY_TAKEN: registered by an earlier pass whose after-commit action did not happen. */
    private enum Taken { NEW, DUPLICATE, ALREADY_TAKEN, FAILED }

    /** A message being archived (fsynced) with its headers read, ahead of its registration; null when already taken. */
    private record Archiving(SourceMessage message, @Nullable CompletableFuture<Archived> archived) {}

    private record Archived(ArchivedMessage file, MessageHeaders headers) {}

    private Archiving archiving(MailSource source, SourceMessage message, @Nullable ExecutorService pool) {
        if (repository.isTaken(source.mailbox(), message.uidValidity(), message.uid())) {
            return new Archiving(message, null);
        }
        if (pool == null) {
            CompletableFuture<Archived> done = new CompletableFuture<>();
            try {
                done.complete(archive(source, message));
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
            return new Archiving(message, done);
        }
        return new Archiving(message, CompletableFuture.supplyAsync(() -> {
            try {
                return archive(source, message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, pool));
    }

    private Archived archive(MailSource source, SourceMessage message) throws IOException {
        ArchivedMessage archived;
        try (InputStream raw = source.openRaw(message)) {
            archived = archive.store(raw);
        }
        CrashPoints.reach("intake.archived");
        return new Archived(archived, MessageHeaders.read(archived.file()));
    }

    /** Registers an archived message in its turn, then runs the source's after-commit action. */
    private Taken take(MailSource source, Archiving archiving) {
        String mailbox = source.mailbox();
        SourceMessage message = archiving.message();
        if (archiving.archived() == null) {
            source.afterCommit(message);
            return Taken.ALREADY_TAKEN;
        }
        try {
            Archived archived = archivedOf(archiving.archived());
            Registration registration = repository.register(newMessage(mailbox, message, archived.file(), archived.headers()));
            CrashPoints.reach("intake.registered");
            source.afterCommit(message);
            return registration.isNew() ? Taken.NEW : Taken.DUPLICATE;
        } catch (IOException | RuntimeException e) {
            if (!source.stillConnected()) {
                // The server went away in the middle of the pass: not this message's failure.
                throw new MailboxUnavailableException("Mailbox " + mailbox + ": connection lost at message " + message.uid(),
                        "邮箱连接在收取途中断开：" + mailbox, e);
            }
            Optional<Fault> fault = Fault.of(e);
            if (fault.isPresent() && fault.get() != Fault.MAILBOX_DOWN) {
                // Every later message would fail alike: stop here, leave them all on the server, and wait it out.
                throw new FaultException(fault.get(), "mailbox " + mailbox + ", message " + message.uid(), e);
            }
            LOG.warn("Mailbox {}: message {} could not be taken, left for the next pass", mailbox, message.uid(), e);
            return Taken.FAILED;
        }
    }

    private static Archived archivedOf(CompletableFuture<Archived> archived) throws IOException {
        try {
            return archived.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }

    private static Thread archiver(Runnable task) {
        Thread thread = new Thread(task, "intake-archive");
        thread.setDaemon(true);
        return thread;
    }

    private NewMessage newMessage(String mailbox, SourceMessage message, ArchivedMessage archived, MessageHeaders headers) {
        return new NewMessage(
                mailbox,
                message.uid(),
                message.uidValidity(),
                headers.messageId(),
                archived.sha256(),
                headers.from(),
                headers.replyTo(),
                headers.to(),
                headers.date(),
                headers.subject(),
                archived.size(),
                receivedAt(message, headers),
                archived.relativePath(),
                headers.stored());
    }

    /** The server's time when the source knows it; else the topmost Received, else Date, else now. */
    private Instant receivedAt(SourceMessage message, MessageHeaders headers) {
        if (message.receivedAt() != null) {
            return message.receivedAt();
        }
        if (headers.topmostReceived() != null) {
            return headers.topmostReceived();
        }
        return headers.date() != null ? headers.date() : clock.instant();
    }

    private MailboxState stateOf(String mailbox) {
        Optional<Checkpoint> checkpoint = repository.checkpoint(mailbox);
        return new MailboxState() {
            @Override
            public boolean isTaken(long uidValidity, String uid) {
                return repository.isTaken(mailbox, uidValidity, uid);
            }

            @Override
            public Optional<Checkpoint> checkpoint() {
                return checkpoint.map(found -> new MailboxState.Checkpoint(found.uidValidity(), found.lastUid()));
            }
        };
    }
}
