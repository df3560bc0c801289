package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.intake.CrashPoints;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.FaultException;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the processing steps over every message waiting for them, each message on its own: one bad
 * message never blocks the others. A step that throws is counted on the message; after the
 * configured number of failures the message is set aside as failed, raw kept, reason shown.
 *
 * <p>Issue 12: the files of several messages are read and checked at once, one worker per core
 * ({@link ProcessingStep#prepare}), while outcomes are written on this thread, and a message goes
 * on to its next step as soon as its outcome is written, so the answers of early messages are
 * written while later ones are still being read. Each step's outcomes are written in message
 * order, so a message still sees everything the messages before it wrote in that step; a step
 * never reads what a later step writes of other messages, which keeps the register the same as
 * with one step over all messages after the other. Outcomes already waiting are written in one
 * commit, each in its own savepoint (one message's failure undoes only its own outcome); what a
 * step does outside the register, such as sending letters, happens after that commit.
 */
public final class MessageProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);
    /** Outcomes written in one commit at most; more gains little and keeps other writers waiting. */
    private static final int MAX_GROUP = 16;

    private final MessageRepository messages;
    private final List<ProcessingStep> steps;
    private final int maxAttempts;
    private final int workers;

    public MessageProcessor(MessageRepository messages, List<ProcessingStep> steps, int maxAttempts) {
        this(messages, steps, maxAttempts, Runtime.getRuntime().availableProcessors());
    }

    /** @param workers how many messages' files are read and checked at once */
    public MessageProcessor(MessageRepository messages, List<ProcessingStep> steps, int maxAttempts, int workers) {
        this.messages = messages;
        this.steps = List.copyOf(steps);
        this.maxAttempts = maxAttempts;
        this.workers = Math.max(1, workers);
    }

    /**
     * Processes everything pending; returns how many step runs failed. A machine fault ({@link Fault})
     * stops the run at once, counted against no message, and is thrown as {@link FaultException}
     * for the pass to wait out: every message after it would fail the same way.
     */
    public int processPending() {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (ProcessingStep step : steps) {
            ids.addAll(messages.listIdsWithStatus(step.fromStatus().code()));
        }
        return ids.isEmpty() ? 0 : new Run().over(new ArrayList<>(ids));
    }

    /** A message in the pipeline: the step it is at and the outcome (or failure) its work will bring. */
    private static final class Pending {
        final long id;
        int step;
        CompletableFuture<ProcessingStep.Outcome> outcome;

        Pending(long id) {
            this.id = id;
        }
    }

    /** One pass of every step over the messages waiting for them. */
    private final class Run {
        private final List<Pending> window = new ArrayList<>();
        private ExecutorService pool;
        private int failures;

        int over(List<Long> ids) {
            int threads = Math.min(workers, ids.size());
            pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
            int capacity = 2 * threads + MAX_GROUP;
            try {
                int next = 0;
                while (next < ids.size() || !window.isEmpty()) {
                    while (next < ids.size() && window.size() < capacity) {
                        enter(ids.get(next++));
                    }
                    if (!window.isEmpty()) {
                        writeGroup();
                    }
                }
                return failures;
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        /** A message joins at the step its status is waiting for; one waiting for none is left alone. */
        private void enter(long id) {
            Pending pending = new Pending(id);
            if (handOut(pending, 0)) {
                window.add(pending);
            }
        }

        /** Prepares the message's first step from {@code from} that takes its status; false when there is none. */
        private boolean handOut(Pending pending, int from) {
            Optional<MessageRecord> message = messages.find(pending.id);
            if (message.isEmpty()) {
                return false;
            }
            for (int index = from; index < steps.size(); index++) {
                if (steps.get(index).fromStatus() == message.get().statusType()) {
                    pending.step = index;
                    pending.outcome = submit(steps.get(index), message.get());
                    return true;
                }
            }
            return false;
        }

        private CompletableFuture<ProcessingStep.Outcome> submit(ProcessingStep step, MessageRecord message) {
            try {
                ProcessingStep.Work work = step.prepare(message);
                return pool == null ? completed(work) : CompletableFuture.supplyAsync(() -> run(work), pool);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        /**
         * Writes, in one commit, outcomes of one step that may be written now: a message's outcome
         * may be written once every message before it in the window is past that step. Waits for the
         * first such outcome, then takes those after it already done.
         */
        private void writeGroup() {
            int step = writableStep();
            List<Pending> group = new ArrayList<>();
            int lowestBefore = Integer.MAX_VALUE;
            for (Pending pending : window) {
                if (pending.step == step && step < lowestBefore) {
                    if (!group.isEmpty() && !pending.outcome.isDone()) {
                        break;
                    }
                    group.add(pending);
                    if (group.size() == 1) {
                        pending.outcome.exceptionally(e -> null).join();
                    }
                    if (group.size() == MAX_GROUP) {
                        break;
                    }
                    // Written before the ones after it in this commit: it does not hold them back.
                    continue;
                }
                lowestBefore = Math.min(lowestBefore, pending.step);
            }
            ProcessingStep current = steps.get(step);
            List<Pending> written = messages.inOneTransaction(() -> {
                List<Pending> ok = new ArrayList<>();
                for (Pending pending : group) {
                    if (write(current, pending)) {
                        ok.add(pending);
                    }
                }
                return ok;
            });
            written.forEach(pending -> CrashPoints.reach(current.name() + ".saved"));
            current.afterCommit();
            for (Pending pending : group) {
                if (!written.contains(pending) || !handOut(pending, step + 1)) {
                    window.remove(pending);
                }
            }
        }

        /**
         * The step to write next: of the messages whose outcome may be written (no earlier message at
         * that step or before it), the earliest one already done, else the first of them.
         */
        private int writableStep() {
            int lowestBefore = Integer.MAX_VALUE;
            int first = -1;
            for (Pending pending : window) {
                if (pending.step < lowestBefore) {
                    if (pending.outcome.isDone()) {
                        return pending.step;
                    }
                    if (first < 0) {
                        first = pending.step;
                    }
                }
                lowestBefore = Math.min(lowestBefore, pending.step);
            }
            return first;
        }

        /** Writes one outcome in its own savepoint; false (and counted on the message) when it failed. */
        private boolean write(ProcessingStep step, Pending pending) {
            try {
                ProcessingStep.Outcome outcome = outcomeOf(pending.outcome);
                messages.inOneTransaction(() -> {
                    try {
                        outcome.write();
                        return null;
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new StepException(e);
                    }
                });
                return true;
            } catch (Exception e) {
                Exception cause = e instanceof StepException wrapped ? wrapped.cause() : e;
                Optional<Fault> fault = Fault.of(cause);
                if (fault.isPresent()) {
                    throw new FaultException(fault.get(), "message " + pending.id + ", step " + step.name(), cause);
                }
                failures++;
                boolean setAside = messages.recordFailure(pending.id, step.name(), describe(cause), maxAttempts);
                if (setAside) {
                    LOG.error("Message {} set aside after {} failed attempts of step {}", pending.id, maxAttempts, step.name(), cause);
                } else {
                    LOG.warn("Message {}: step {} failed, will retry next pass", pending.id, step.name(), cause);
                }
                return false;
            }
        }
    }

    private static ProcessingStep.Outcome outcomeOf(CompletableFuture<ProcessingStep.Outcome> outcome) throws Exception {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof StepException wrapped ? wrapped.cause() : e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    private static CompletableFuture<ProcessingStep.Outcome> completed(ProcessingStep.Work work) {
        try {
            return CompletableFuture.completedFuture(work.run());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ProcessingStep.Outcome run(ProcessingStep.Work work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StepException(e);
        }
    }

    /** A checked exception of a step carried through a future or a transaction, unwrapped where it is counted. */
    private static final class StepException extends RuntimeException {
        StepException(Exception cause) {
            super(cause);
        }

        Exception cause() {
            return (Exception) getCause();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "pipeline-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        // The register's sentence is for staff; the driver's words behind it say what went wrong.
        if (e instanceof cn.gdhrss.intake.register.RegisterException && e.getCause() != null && e.getCause().getMessage() != null) {
            message = message + " (" + e.getCause().getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
