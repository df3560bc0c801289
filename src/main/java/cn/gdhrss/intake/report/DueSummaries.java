package cn.gdhrss.intake.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's side of the summaries (issue 5): once a deadline plus the configured delay has
 * passed, writes that period's summaries under {@code <data>/summaries/<period>/}, once. A period
 * counts as written when its directory holds {@value #DONE_FILE}, so a crash halfway is redone.
 */
public final class DueSummaries {
    private static final Logger LOG = LoggerFactory.getLogger(DueSummaries.class);

    static final String DONE_FILE = "已生成.txt";

    private final PeriodSummaries summaries;
    private final ReportingPeriods periods;
    private final int delayDays;
    private final List<String> mailTo;
    private final Path summariesDir;
    private final Clock clock;

    public DueSummaries(PeriodSummaries summaries, ReportingPeriods periods, int delayDays, List<String> mailTo,
            Path summariesDir, Clock clock) {
        this.summaries = summaries;
        this.periods = periods;
        this.delayDays = delayDays;
        this.mailTo = List.copyOf(mailTo);
        this.summariesDir = summariesDir;
        this.clock = clock;
    }

    /** Writes every period due within the last year and not yet written; returns the files written. */
    public List<Path> writeDue() throws IOException {
        LocalDate lastDue = LocalDate.now(clock.withZone(CaseAttribution.BEIJING)).minusDays(delayDays);
        List<Path> written = new ArrayList<>();
        for (LocalDate period : periods.deadlinesBetween(lastDue.minusYears(1), lastDue)) {
            Path directory = summariesDir.resolve(period.toString());
            if (!Files.exists(directory.resolve(DONE_FILE))) {
                written.addAll(writePeriod(period, directory));
            }
        }
        return written;
    }

    private List<Path> writePeriod(LocalDate period, Path directory) throws IOException {
        List<Path> files = summaries.write(period, null, directory);
        Files.writeString(directory.resolve(DONE_FILE),
                "报送期 " + period + " 的汇总表已于 " + clock.instant() + " 生成，共 " + files.size() + " 个文件。\n", StandardCharsets.UTF_8);
        LOG.info("Summaries of period {} written: {} files under {}", period, files.size(), directory);
        if (!mailTo.isEmpty()) {
            // The outbox of issue 4 sends text mail only; staff take the files from the directory.
            LOG.warn("Summaries of period {} not mailed to {}: the outbox carries no attachments; the files are in {}",
                    period, mailTo, directory);
        }
        return files;
    }
}
