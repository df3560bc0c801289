package cn.gdhrss.intake.schedule;

import cn.gdhrss.intake.report.CaseAttribution;
import cn.gdhrss.intake.report.DueSummaries;
import java.io.IOException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places new cases in a city and period, and writes the summaries of periods that are due. */
@DisallowConcurrentExecution
public final class SummaryJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryJob.class);

    private final CaseAttribution attribution;
    private final DueSummaries due;

    public SummaryJob(CaseAttribution attribution, DueSummaries due) {
        this.attribution = attribution;
        this.due = due;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            int placed = attribution.attributeNew();
            if (placed > 0) {
                LOG.info("{} new cases given a city and reporting period", placed);
            }
            due.writeDue();
        } catch (IOException | RuntimeException e) {
            LOG.error("Writing the due summaries failed; the job tries again at its next trigger", e);
        }
    }
}
