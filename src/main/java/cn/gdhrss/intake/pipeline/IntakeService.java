package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.FaultException;
import cn.gdhrss.intake.intake.FaultWatch;
import cn.gdhrss.intake.intake.IntakePass;
import cn.gdhrss.intake.intake.MailSource;
import cn.gdhrss.intake.intake.PassLock;
import cn.gdhrss.intake.intake.PassResult;
import cn.gdhrss.intake.register.PassRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole pass: take new mail from the configured mailbox, then process everything pending. Holds
 * the pass lock, records the pass, and backs off from a mailbox that keeps failing (logged once per
 * pass with the reason) while the service keeps running.
 */
public final class IntakeService {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final Supplier<MailSource> mailbox;
    private final IntakePass intake;
    private final MessageProcessor processor;
    private final PassRepository passes;
    private final PassLock lock;
    private final Clock clock;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final FaultWatch faults;
    private int consecutiveFailures;
    private Instant nextAttempt = Instant.EPOCH;

    /** @param faults where the machine faults met by a pass are noted, logged and reported */
    public IntakeService(Supplier<MailSource> mailbox, IntakePass intake, MessageProcessor processor,
            PassRepository passes, PassLock lock, Clock clock, Duration retryInitial, Duration retryMax, FaultWatch faults) {
        this.faults = faults;
        this.mailbox = mailbox;
        this.intake = intake;
        this.processor = processor;
        this.passes = passes;
        this.lock = lock;
        this.clock = clock;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
    }

    /** A scheduled pass over the configured mailbox; empty when another pass holds the lock. */
    public synchronized Optional<PassResult> pollMailbox() {
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            LOG.info("Mailbox still backing off after {} failures; next attempt at {}", consecutiveFailures, nextAttempt);
            return withLock(() -> waitingOutFaults(new PassResult("", 0, 0, 0, ""), () -> {
                processor.processPending();
                return new PassResult("", 0, 0, 0, "");
            }));
        }
        return withLock(() -> {
            MailSource source = mailbox.get();
            return waitingOutFaults(new PassResult(source.mailbox(), 0, 0, 0, ""), () -> {
                PassResult result = takeAndRecord(source, count -> { });
                noteOutcome(result);
                processor.processPending();
                return result;
            });
        });
    }

    /** Takes the given source (an import), then processes. */
    public Optional<PassResult> runOnce(MailSource source, IntConsumer progress) {
        return withLock(() -> waitingOutFaults(new PassResult(source.mailbox(), 0, 0, 0, ""), () -> {
            PassResult result = takeAndRecord(source, progress);
            processor.processPending();
            return result;
        }));
    }

    /** Processes what is pending (after a reprocess request) without reading any mailbox; a fault is thrown. */
    public Optional<Integer> processPending() {
        return withLock(() -> {
            Optional<Fault> fault = Optional.empty();
            try {
                return processor.processPending();
            } catch (RuntimeException e) {
                fault = Fault.of(e);
                fault.ifPresent(found -> faults.report(found, String.valueOf(e.getMessage())));
                throw e;
            } finally {
                if (fault.isEmpty()) {
                    clearMachineFaults();
                }
            }
        });
    }

    /** The faults now being waited out. */
    public FaultWatch faults() {
        return faults;
    }

    /**
     * Runs a pass; a machine fault met on the way stops it, is noted (one log line a minute, no stack
     * trace) and returned in the result, counted against no message: the next pass simply tries again.
     */
    private PassResult waitingOutFaults(PassResult nothing, Supplier<PassResult> pass) {
        try {
            PassResult result = pass.get();
            clearMachineFaults();
            return result;
        } catch (RuntimeException e) {
            Optional<Fault> fault = Fault.of(e);
            if (fault.isEmpty()) {
                throw e;
            }
            faults.report(fault.get(), e instanceof FaultException ? e.getMessage() + ": " + rootCause(e) : rootCause(e));
            return nothing.waitingOut(fault.get());
        }
    }

    private void clearMachineFaults() {
        faults.clear(Fault.DISK_FULL);
        faults.clear(Fault.REGISTER_BUSY);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    private PassResult takeAndRecord(MailSource source, IntConsumer progress) {
        Instant started = clock.instant();
        PassResult result = intake.run(source, progress);
        passes.record(result.mailbox(), started, clock.instant(), result.newCount(), result.duplicateCount(),
                result.failed(), result.error());
        if (result.isOk()) {
            faults.clear(Fault.MAILBOX_DOWN);
        } else {
            faults.report(Fault.MAILBOX_DOWN, result.mailbox() + ": " + result.error());
        }
        return result;
    }

    private void noteOutcome(PassResult result) {
        if (result.isOk()) {
            consecutiveFailures = 0;
            nextAttempt = Instant.EPOCH;
            return;
        }
        consecutiveFailures++;
        long factor = 1L << Math.min(consecutiveFailures - 1, 20);
        Duration wait = retryInitial.multipliedBy(factor);
        nextAttempt = clock.instant().plus(wait.compareTo(retryMax) > 0 ? retryMax : wait);
    }

    private <T> Optional<T> withLock(Supplier<T> work) {
        try {
            Optional<PassLock.Held> held = lock.tryAcquire();
            if (held.isEmpty()) {
                LOG.info("Another pass is running on this data directory; skipping");
                return Optional.empty();
            }
            try (PassLock.Held ignored = held.get()) {
                return Optional.of(work.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("数据目录中的处理锁文件无法获取（" + cn.gdhrss.intake.config.FileReason.of(e)
                    + "），请检查数据目录的位置和写权限。", e);
        }
    }
}
