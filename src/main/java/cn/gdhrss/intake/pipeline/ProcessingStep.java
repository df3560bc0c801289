package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageStatus;

/**
 * One stage of what happens to a registered message (extract attachments, parse forms, answer).
 * A step takes messages in {@link #fromStatus()} and, when its outcome is written, the message is
 * in the step's next status. A step must be safe to run again on the same message after a crash: it
 * writes its results and the new status together, in one transaction.
 */
public interface ProcessingStep {

    /** Short English name for logs and the audit trail, e.g. {@code extract}. */
    String name();

    MessageStatus fromStatus();

    /**
     * Does the work for one message. Bad input is not an exception (it becomes a status or a
     * finding); an exception here means the step could not run and is counted as a failure.
     */
    void apply(MessageRecord message) throws Exception;

    /**
     * The step in halves, so that a pass can read and check several messages at once on both cores
     * while the register is written in message order (issue 12). This half runs on the processing
     * thread and may read the register; the {@link Work} it returns reads files only and may run on
     * any thread, ahead of the outcomes of earlier messages; its {@link Outcome} is written on the
     * processing thread, in message order, where it may read what earlier outcomes wrote. By default
     * all of the step is its outcome.
     */
    default Work prepare(MessageRecord message) throws Exception {
        return () -> () -> apply(message);
    }

    /** After outcomes of this step are committed, on the processing thread (the answer step sends its letters here). */
    default void afterCommit() {}

    /** The part of a step that reads and computes from the message's own files only. */
    @FunctionalInterface
    interface Work {
        Outcome run() throws Exception;
    }

    /** What a step writes to the register, with the message's new status. */
    @FunctionalInterface
    interface Outcome {
        void write() throws Exception;
    }
}
