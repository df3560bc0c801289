package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.FaultException;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the processing steps over every message waiting for them, each message on its own: one bad
 * message never blocks the others. A step that throws is counted on the message; after the
 * configured number of failures the message is set aside as failed, raw kept, reason shown.
 */
public final class MessageProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

    private final MessageRepository messages;
    private final List<ProcessingStep> steps;
    private final int maxAttempts;

    public MessageProcessor(MessageRepository messages, List<ProcessingStep> steps, int maxAttempts) {
        this.messages = messages;
        this.steps = List.copyOf(steps);
        this.maxAttempts = maxAttempts;
    }

    /**
     * Processes everything pending; returns how many step runs failed. A machine fault ({@link Fault})
     * stops the run at once, counted against no message, and is thrown as {@link FaultException}
     * for the pass to wait out: every message after it would fail the same way.
     */
    public int processPending() {
        int failures = 0;
        for (ProcessingStep step : steps) {
            for (long id : messages.listIdsWithStatus(step.fromStatus().code())) {
                failures += runStep(step, id) ? 0 : 1;
            }
        }
        return failures;
    }

    private boolean runStep(ProcessingStep step, long id) {
        Optional<MessageRecord> message = messages.find(id);
        if (message.isEmpty() || message.get().statusType() != step.fromStatus()) {
            return true;
        }
        try {
            step.apply(message.get());
            return true;
        } catch (Exception e) {
            Optional<Fault> fault = Fault.of(e);
            if (fault.isPresent()) {
                throw new FaultException(fault.get(), "message " + id + ", step " + step.name(), e);
            }
            boolean setAside = messages.recordFailure(id, step.name(), describe(e), maxAttempts);
            if (setAside) {
                LOG.error("Message {} set aside after {} failed attempts of step {}", id, maxAttempts, step.name(), e);
            } else {
                LOG.warn("Message {}: step {} failed, will retry next pass", id, step.name(), e);
            }
            return false;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
