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
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's side of the summaries (issues 5 and 8): keeps the summaries of every period with
 * cases, from a year back to the open one, under {@code <data>/summaries/<period>/}, rewriting a
 * period's files whenever its cases change (a new case, a correction, a review, a move) and never
 * writing a period that has no case. Once a deadline plus the configured delay has passed it queues
 * one mail with the files to each staff address, once. The period is marked mailed in the register
 * in the transaction that queues the mails, so a crash before it redoes the period and a crash after
 * it mails nothing twice; {@value #DONE_FILE} in the directory tells staff when the files were
 * written, and marks periods mailed before the register knew.
 */
public final class DueSummaries {
    private static final Logger LOG = LoggerFactory.getLogger(DueSummaries.class);

    static final String DONE_FILE = "已生成.txt";
    static final String MAIL_KIND = "summary";
    private static final String STATE_PREFIX = "summaries.done.";
    /** The {@link PeriodSummaries#findVersion} a period's files were last written from. */
    private static final String VERSION_PREFIX = "summaries.version.";
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

    /**
     * Rewrites every period from a year back to the open one whose cases changed since its files
     * were written, and mails each period past its deadline plus the delay once; returns the files written.
     */
    public List<Path> writeDue() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(CaseAttribution.BEIJING));
        LocalDate lastDue = today.minusDays(delayDays);
        List<Path> written = new ArrayList<>();
        for (LocalDate period : periods.deadlinesBetween(lastDue.minusYears(1), periods.periodOf(today))) {
            Optional<String> version = summaries.findVersion(period);
            if (version.isEmpty()) {
                continue;
            }
            Path directory = summariesDir.resolve(period.toString());
            boolean due = !period.isAfter(lastDue) && !isMailed(period, directory);
            if (due || !version.get().equals(writtenVersion(period).orElse(null))) {
                written.addAll(writePeriod(period, directory, version.get(), due));
            }
        }
        return written;
    }

    /**
     * A period's summaries as staff see them: whether the files in {@code <data>/summaries/<period>}
     * were written from the register as it is now ({@code stale} when a case changed since, or
     * never written), and the files there.
     */
    public record PeriodState(LocalDate period, boolean hasCases, boolean written, boolean stale, List<Path> files) {
        public PeriodState {
            files = List.copyOf(files);
        }
    }

    /** The periods from a year back to the next one, newest first. */
    public List<PeriodState> listStates() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(CaseAttribution.BEIJING));
        List<LocalDate> shown = new ArrayList<>(periods.deadlinesBetween(today.minusYears(1), periods.periodOf(today)));
        java.util.Collections.reverse(shown);
        List<PeriodState> states = new ArrayList<>();
        for (LocalDate period : shown) {
            Optional<String> version = summaries.findVersion(period);
            Optional<String> written = writtenVersion(period);
            states.add(new PeriodState(period, version.isPresent(), written.isPresent(),
                    version.isPresent() && !version.equals(written), filesOf(period)));
        }
        return states;
    }

    /** The .xlsx and .docx files written for {@code period}, by name. */
    public List<Path> filesOf(LocalDate period) throws IOException {
        Path directory = summariesDir.resolve(period.toString());
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.(xlsx|docx)")).sorted().toList();
        }
    }

    /** Staff asked for {@code period}'s summaries now: every city and the province, recorded as up to date (not mailed). */
    public SummaryFiles writeNow(LocalDate period) throws IOException {
        Path directory = summariesDir.resolve(period.toString());
        String version = summaries.findVersion(period).orElse("");
        SummaryFiles files = summaries.writeFiles(period, null, directory);
        if (!version.isEmpty()) {
            cases.inTransaction(transaction -> {
                transaction.putState(VERSION_PREFIX + period, version);
                return null;
            });
        }
        return files;
    }

    private boolean isMailed(LocalDate period, Path directory) {
        return Files.exists(directory.resolve(DONE_FILE)) && !writtenVersion(period).isPresent()
                || cases.inTransaction(transaction -> transaction.findState(STATE_PREFIX + period).isPresent());
    }

    private Optional<String> writtenVersion(LocalDate period) {
        return cases.inTransaction(transaction -> transaction.findState(VERSION_PREFIX + period));
    }

    private List<Path> writePeriod(LocalDate period, Path directory, String version, boolean mail) throws IOException {
        SummaryFiles files = summaries.writeFiles(period, null, directory);
        cases.inTransaction(transaction -> {
            if (mail) {
                mailTo.forEach(address -> queueMail(transaction, address, period, files));
                transaction.putState(STATE_PREFIX + period, clock.instant().toString());
            }
            transaction.putState(VERSION_PREFIX + period, version);
            return null;
        });
        Files.writeString(directory.resolve(DONE_FILE), "报送期 " + period + " 的汇总表于 " + clock.instant() + " 按登记库重新生成，共 "
                + files.files().size() + " 个文件；案件有变化时自动更新。\n", StandardCharsets.UTF_8);
        LOG.info("Summaries of period {} written: {} files under {}{}", period, files.files().size(), directory,
                mail ? ", mailed to " + mailTo : "");
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
