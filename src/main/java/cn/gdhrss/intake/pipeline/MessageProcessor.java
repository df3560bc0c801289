package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.intake.CrashPoints;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.FaultException;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * ({@link ProcessingStep#prepare}), while their outcomes are written on this thread in message
 * order, so a message still sees everything the ones before it wrote. Outcomes already waiting
 * are written in one commit, each in its own savepoint (one message's failure undoes only its own
 * outcome); what a step does outside the register, such as sending letters, happens after that
 * commit.
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
        int failures = 0;
        for (ProcessingStep step : steps) {
            List<Long> ids = messages.listIdsWithStatus(step.fromStatus().code());
            if (!ids.isEmpty()) {
                failures += new StepRun(step).over(ids);
            }
        }
        return failures;
    }

    /** A message whose work was handed out, and the outcome (or the failure) it will bring. */
    private record Pending(long id, CompletableFuture<ProcessingStep.Outcome> outcome) {}

    /** One step over the messages waiting for it. */
    private final class StepRun {
        private final ProcessingStep step;
        private final Deque<Pending> window = new ArrayDeque<>();
        private int failures;

        StepRun(ProcessingStep step) {
            this.step = step;
        }

        int over(List<Long> ids) {
            int threads = Math.min(workers, ids.size());
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon(step.name())) : null;
            try {
                for (long id : ids) {
                    handOut(id, pool);
                    while (window.size() >= 2 * threads + MAX_GROUP / 2) {
                        writeGroup();
                    }
                }
                while (!window.isEmpty()) {
                    writeGroup();
                }
                return failures;
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        private void handOut(long id, ExecutorService pool) {
            Optional<MessageRecord> message = messages.find(id);
            if (message.isEmpty() || message.get().statusType() != step.fromStatus()) {
                return;
            }
            CompletableFuture<ProcessingStep.Outcome> outcome;
            try {
                ProcessingStep.Work work = step.prepare(message.get());
                outcome = pool == null ? completed(work) : CompletableFuture.supplyAsync(() -> run(work), pool);
            } catch (Exception e) {
                outcome = CompletableFuture.failedFuture(e);
            }
            window.add(new Pending(id, outcome));
        }

        /** Waits for the oldest outcome, then writes it and those after it already done in one commit. */
        private void writeGroup() {
            List<Pending> group = new ArrayList<>();
            group.add(window.poll());
            group.get(0).outcome().exceptionally(e -> null).join();
            while (!window.isEmpty() && group.size() < MAX_GROUP && window.peek().outcome().isDone()) {
                group.add(window.poll());
            }
            List<Long> written = messages.inOneTransaction(() -> {
                List<Long> ok = new ArrayList<>();
                for (Pending pending : group) {
                    if (write(pending)) {
                        ok.add(pending.id());
                    }
                }
                return ok;
            });
            written.forEach(id -> CrashPoints.reach(step.name() + ".saved"));
            step.afterCommit();
        }

        /** Writes one outcome in its own savepoint; false (and counted on the message) when it failed. */
        private boolean write(Pending pending) {
            try {
                ProcessingStep.Outcome outcome = outcomeOf(pending);
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
                    throw new FaultException(fault.get(), "message " + pending.id() + ", step " + step.name(), cause);
                }
                failures++;
                boolean setAside = messages.recordFailure(pending.id(), step.name(), describe(cause), maxAttempts);
                if (setAside) {
                    LOG.error("Message {} set aside after {} failed attempts of step {}", pending.id(), maxAttempts, step.name(), cause);
                } else {
                    LOG.warn("Message {}: step {} failed, will retry next pass", pending.id(), step.name(), cause);
                }
                return false;
            }
        }
    }

    private static ProcessingStep.Outcome outcomeOf(Pending pending) throws Exception {
        try {
            return pending.outcome().get();
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

    private static java.util.concurrent.ThreadFactory daemon(String stepName) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "pipeline-" + stepName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
