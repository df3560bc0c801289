package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.register.Checkpoint;
import cn.gdhrss.intake.register.IntakeRepository;
import cn.gdhrss.intake.register.NewMessage;
import cn.gdhrss.intake.register.Registration;
import java.io.IOException;
import java.io.InputStream;
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
        try {
            source.open();
            List<SourceMessage> pending = source.pending(stateOf(mailbox));
            for (SourceMessage message : pending) {
                Taken taken = take(source, message);
                switch (taken) {
                    case NEW -> fresh++;
                    case DUPLICATE, ALREADY_TAKEN -> duplicates++;
                    case FAILED -> failed++;
                }
                progress.accept(fresh + duplicates + failed);
                if (taken == Taken.FAILED && message.uidValidity() > 0) {
                    // The IMAP checkpoint only moves forward: taking later UIDs now would skip this one for good.
                    break;
                }
            }
            return new PassResult(mailbox, fresh, duplicates, failed, "");
        } catch (MailboxUnavailableException e) {
            // What was taken before the mailbox went away stays taken; the rest waits for the next pass.
            return new PassResult(mailbox, fresh, duplicates, failed, e.reason());
        } finally {
            source.close();
        }
    }

    /** ALREADY_TAKEN: registered by an earlier pass whose after-commit action did not happen. */
    private enum Taken { NEW, DUPLICATE, ALREADY_TAKEN, FAILED }

    private Taken take(MailSource source, SourceMessage message) {
        String mailbox = source.mailbox();
        if (repository.isTaken(mailbox, message.uidValidity(), message.uid())) {
            source.afterCommit(message);
            return Taken.ALREADY_TAKEN;
        }
        try {
            ArchivedMessage archived;
            try (InputStream raw = source.openRaw(message)) {
                archived = archive.store(raw);
            }
            CrashPoints.reach("intake.archived");
            Registration registration = repository.register(newMessage(mailbox, message, archived));
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

    private NewMessage newMessage(String mailbox, SourceMessage message, ArchivedMessage archived) throws IOException {
        MessageHeaders headers = MessageHeaders.read(archived.file());
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
