package cn.gdhrss.intake.schedule;

import cn.gdhrss.intake.reply.OutboxSender;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the outbox's due rows (new, and those waiting to retry). */
@DisallowConcurrentExecution
public final class OutboxJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxJob.class);

    private final OutboxSender sender;

    public OutboxJob(OutboxSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            int delivered = sender.sendDue();
            if (delivered > 0) {
                LOG.info("Outbox: {} mails delivered via {}", delivered, sender.describe());
            }
        } catch (RuntimeException e) {
            LOG.error("Outbox run failed; rows stay queued for the next trigger", e);
        }
    }
}
