package cn.gdhrss.intake.schedule;

import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.pipeline.IntakeService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One scheduled pass; Quartz never runs two at once, and the pass lock guards across processes. */
@DisallowConcurrentExecution
public final class PassJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(PassJob.class);

    private final IntakeService intake;

    public PassJob(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            intake.pollMailbox().ifPresent(result -> LOG.info("Pass over {}: {} new, {} duplicate, {} failed{}",
                    result.mailbox(), result.newCount(), result.duplicateCount(), result.failed(),
                    result.isOk() ? "" : result.fault() != null && result.fault() != Fault.MAILBOX_DOWN ? ", waiting out " + result.fault().code()
                            : ", mailbox unavailable: " + result.error()));
        } catch (RuntimeException e) {
            LOG.error("Pass failed; the service keeps running and tries again at the next trigger", e);
        }
    }
}
