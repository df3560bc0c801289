package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageStatus;

/**
 * One stage of what happens to a registered message (extract attachments, parse forms, answer).
 * A step takes messages in {@link #fromStatus()} and, when {@link #apply} returns, the message is in
 * the step's next status. A step must be safe to run again on the same message after a crash: it
 * writes its results and the new status in one transaction.
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
}
