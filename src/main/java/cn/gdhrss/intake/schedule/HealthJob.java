package cn.gdhrss.intake.schedule;

import cn.gdhrss.intake.reply.HealthDetector;
import cn.gdhrss.intake.reply.OutboxSender;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the mailbox's health and mails staff when it changes. */
@DisallowConcurrentExecution
public final class HealthJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(HealthJob.class);

    private final HealthDetector detector;
    private final OutboxSender sender;

    public HealthJob(HealthDetector detector, OutboxSender sender) {
        this.detector = detector;
        this.sender = sender;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            detector.check().ifPresent(kind -> {
                LOG.warn("Health: {} queued for staff", kind);
                sender.sendDue();
            });
        } catch (RuntimeException e) {
            LOG.error("Health check failed; trying again at the next trigger", e);
        }
    }
}
