package cn.gdhrss.intake.report;

import cn.gdhrss.intake.register.CaseRepository;
import cn.gdhrss.intake.register.CaseTransaction;
import cn.gdhrss.intake.register.NewOutgoingMail;
import cn.gdhrss.intake.register.OutgoingAttachment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's side of the summaries (issue 5): once a deadline plus the configured delay has
 * passed, writes that period's summaries under {@code <data>/summaries/<period>/} and queues one mail
 * with the files to each staff address, once. The period is marked done in the register in the
 * transaction that queues the mails, so a crash before it redoes the period and a crash after it
 * mails nothing twice; {@value #DONE_FILE} in the directory tells staff, and marks periods written
 * before the register knew.
 */
public final class DueSummaries {
    private static final Logger LOG = LoggerFactory.getLogger(DueSummaries.class);

    static final String DONE_FILE = "已生成.txt";
    static final String MAIL_KIND = "summary";
    private static final String STATE_PREFIX = "summaries.done.";
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final PeriodSummaries summaries;
    private final ReportingPeriods periods;
    private final int delayDays;
    private final List<String> mailTo;
    private final Path summariesDir;
    private final CaseRepository cases;
    private final String messageIdDomain;
    private final Clock clock;

    public DueSummaries(PeriodSummaries summaries, ReportingPeriods periods, int delayDays, List<String> mailTo,
            Path summariesDir, CaseRepository cases, String messageIdDomain, Clock clock) {
        this.summaries = summaries;
        this.periods = periods;
        this.delayDays = delayDays;
        this.mailTo = List.copyOf(mailTo);
        this.summariesDir = summariesDir;
        this.cases = cases;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    /** Writes every period due within the last year and not yet written; returns the files written. */
    public List<Path> writeDue() throws IOException {
        LocalDate lastDue = LocalDate.now(clock.withZone(CaseAttribution.BEIJING)).minusDays(delayDays);
        List<Path> written = new ArrayList<>();
        for (LocalDate period : periods.deadlinesBetween(lastDue.minusYears(1), lastDue)) {
            Path directory = summariesDir.resolve(period.toString());
            if (!Files.exists(directory.resolve(DONE_FILE)) && !isDone(period)) {
                written.addAll(writePeriod(period, directory));
            }
        }
        return written;
    }

    private boolean isDone(LocalDate period) {
        return cases.inTransaction(transaction -> transaction.findState(STATE_PREFIX + period).isPresent());
    }

    private List<Path> writePeriod(LocalDate period, Path directory) throws IOException {
        SummaryFiles files = summaries.writeFiles(period, null, directory);
        cases.inTransaction(transaction -> {
            mailTo.forEach(address -> queueMail(transaction, address, period, files));
            transaction.putState(STATE_PREFIX + period, clock.instant().toString());
            return null;
        });
        Files.writeString(directory.resolve(DONE_FILE), "报送期 " + period + " 的汇总表已于 " + clock.instant() + " 生成，共 "
                + files.files().size() + " 个文件。\n", StandardCharsets.UTF_8);
        LOG.info("Summaries of period {} written: {} files under {}, mailed to {}", period, files.files().size(), directory, mailTo);
        return files.files();
    }

    private void queueMail(CaseTransaction transaction, String address, LocalDate period, SummaryFiles files) {
        String messageId = MAIL_KIND + "." + UUID.randomUUID().toString().toLowerCase(Locale.ROOT) + "@" + messageIdDomain;
        String body = body(period, files);
        transaction.queueMail(new NewOutgoingMail(null, "", MAIL_KIND, address, subject(period), messageId, "", List.of(),
                body, "<pre>" + escaped(body) + "</pre>", List.of(), attachments(files)));
    }

    /** 新职业信息汇总表（2026-12-31期）: the subject staff file the mail under. */
    static String subject(LocalDate period) {
        return "新职业信息汇总表（" + period + "期）";
    }

    private static String body(LocalDate period, SummaryFiles files) {
        StringBuilder body = new StringBuilder("各位同事：\n\n报送期 " + period + " 的新职业信息汇总表已生成，共 "
                + files.files().size() + " 个文件，见附件：\n\n");
        files.files().forEach(file -> body.append("  ").append(file.getFileName()).append('\n'));
        files.notes().forEach(note -> body.append('\n').append(note).append('\n'));
        return body.append("\n（本邮件由新职业建议书受理服务自动发送，请勿直接回复。）\n").toString();
    }

    private static List<OutgoingAttachment> attachments(SummaryFiles files) {
        return files.files().stream()
                .map(file -> new OutgoingAttachment(file.toAbsolutePath().toString(), file.getFileName().toString(),
                        file.getFileName().toString().endsWith(".docx") ? DOCX_TYPE : XLSX_TYPE))
                .toList();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
