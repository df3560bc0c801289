package cn.gdhrss.intake;

import cn.gdhrss.intake.attachment.AttachmentLimits;
import cn.gdhrss.intake.attachment.FileStore;
import cn.gdhrss.intake.attachment.TemporaryFiles;
import cn.gdhrss.intake.attachment.MessageExtractor;
import cn.gdhrss.intake.casefile.RegisterSubmissionLoader;
import cn.gdhrss.intake.casefile.SubmissionLoader;
import cn.gdhrss.intake.config.HealthSettings;
import cn.gdhrss.intake.config.IntakeSettings;
import cn.gdhrss.intake.config.ReportSettings;
import cn.gdhrss.intake.form.Catalogues;
import cn.gdhrss.intake.form.FormChecks;
import cn.gdhrss.intake.form.FormReader;
import cn.gdhrss.intake.pipeline.ExtractStep;
import cn.gdhrss.intake.intake.FaultWatch;
import cn.gdhrss.intake.intake.IdleTrigger;
import cn.gdhrss.intake.intake.ImapIdleWatcher;
import cn.gdhrss.intake.intake.ImapSource;
import cn.gdhrss.intake.intake.Pop3Source;
import cn.gdhrss.intake.pipeline.ParseStep;
import cn.gdhrss.intake.register.FormRepository;
import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.OfficeSettings;
import cn.gdhrss.intake.config.ReplySettings;
import cn.gdhrss.intake.config.SmtpSettings;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.IntakePass;
import cn.gdhrss.intake.pipeline.IntakeService;
import cn.gdhrss.intake.intake.MailSource;
import cn.gdhrss.intake.intake.MailboxUnavailableException;
import cn.gdhrss.intake.intake.MaildirSource;
import cn.gdhrss.intake.pipeline.MessageProcessor;
import cn.gdhrss.intake.intake.PassLock;
import cn.gdhrss.intake.pipeline.ProcessingStep;
import cn.gdhrss.intake.intake.RawArchive;
import cn.gdhrss.intake.register.CaseRepository;
import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.IntakeRepository;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.OutboxRepository;
import cn.gdhrss.intake.register.PassRepository;
import cn.gdhrss.intake.register.ReviewRepository;
import cn.gdhrss.intake.register.SummaryRecordRepository;
import cn.gdhrss.intake.report.CaseAttribution;
import cn.gdhrss.intake.report.CityResolver;
import cn.gdhrss.intake.report.DueSummaries;
import cn.gdhrss.intake.report.IndustrySections;
import cn.gdhrss.intake.report.PeriodSummaries;
import cn.gdhrss.intake.report.ReportingPeriods;
import cn.gdhrss.intake.report.ReviewOutcomes;
import cn.gdhrss.intake.schedule.SummaryJob;
import cn.gdhrss.intake.pipeline.AnswerStep;
import cn.gdhrss.intake.reply.EmlFileTransport;
import cn.gdhrss.intake.reply.HealthDetector;
import cn.gdhrss.intake.reply.MailTransport;
import cn.gdhrss.intake.reply.OutboxSender;
import cn.gdhrss.intake.reply.OutgoingMessageWriter;
import cn.gdhrss.intake.reply.ReplyComposer;
import cn.gdhrss.intake.reply.SmtpTransport;
import cn.gdhrss.intake.schedule.HealthJob;
import cn.gdhrss.intake.schedule.IntakeScheduler;
import cn.gdhrss.intake.schedule.OutboxJob;
import cn.gdhrss.intake.casework.CaseInputs;
import cn.gdhrss.intake.casework.CaseService;
import cn.gdhrss.intake.casework.MailDesk;
import cn.gdhrss.intake.config.WebSettings;
import cn.gdhrss.intake.register.CaseRowRepository;
import cn.gdhrss.intake.register.CaseWorkRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The composition root: every long-lived object is built here with {@code new}, from the data
 * directory and the configuration file. Commands open an App, use it, and close it.
 */
public final class App implements AutoCloseable {
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of the class path every
        // time it reads headers or a part: a fifth of the import's own time (issue 12, JFR). Named here,
        // it is instantiated directly; the property is the API's own way to choose the provider.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Path dataDir;
    private final Settings settings;
    private final MailboxSettings mailboxSettings;
    private final IntakeSettings intakeSettings;
    private final Clock clock;
    private final Database database;
    private final RawArchive archive;
    private final MessageRepository messages;
    private final PassRepository passes;
    private final FormRepository forms;
    private final FileStore fileStore;
    private final ReportSettings reportSettings;
    private final CaseWorkRepositories caseWork;
    private final CaseRowRepository caseRows;
    private @Nullable IdleTrigger idle;
    private final ReplySettings replySettings;
    private final HealthSettings healthSettings;
    private final CaseRepository cases;
    private final OutboxRepository outbox;
    // Built on first use: a query command (status, list, show, search, todo) never loads Tika, POI,
    // the catalogues, FreeMarker or a mail session, which is most of a cold start (issue 12).
    private final Memo<ReplyComposer> composer;
    private final Memo<OutboxSender> outboxSender;
    private final Memo<HealthDetector> health;
    private final Memo<IntakeService> intake;
    private final @Nullable Stages stages;

    /**
     * Stand-ins for the steps before {@code answer} and for the submission loader, for tests that
     * feed the answer step their own forms.
     */
    public record Stages(
            Function<MessageRepository, List<ProcessingStep>> stepsBeforeAnswer,
            Function<MessageRepository, SubmissionLoader> loader) {}

    public App(Path dataDir, Settings settings, Clock clock) {
        this(dataDir, settings, clock, null);
    }

    public App(Path dataDir, Settings settings, Clock clock, @Nullable Stages stages) {
        this.stages = stages;
        this.dataDir = dataDir;
        this.settings = settings;
        this.clock = clock;
        this.mailboxSettings = MailboxSettings.from(settings, dataDir);
        this.intakeSettings = IntakeSettings.from(settings);
        boolean newDataDir = !Files.exists(dataDir.resolve("register.db"));
        this.database = Database.open(dataDir.resolve("register.db"));
        if (mailboxSettings.isMaildir() && (newDataDir || settings.flag("mailbox.maildir-create", false))) {
            // Only a new data directory (or staff asking for it) gets an empty Maildir: one that vanishes
            // later was renamed or unmounted, and recreating it empty would hide that (issue 11).
            try {
                MaildirSource.create(mailboxSettings.maildir());
            } catch (MailboxUnavailableException e) {
                // Reported by every pass (log, status, health mail) until staff fix the setting.
                org.slf4j.LoggerFactory.getLogger(App.class).warn(e.getMessage());
            }
        }
        this.archive = new RawArchive(dataDir);
        this.messages = new MessageRepository(database, clock);
        this.passes = new PassRepository(database);
        this.forms = new FormRepository(database, clock);
        this.fileStore = new FileStore(dataDir.resolve("files"));
        removeAbandonedTemporaryFiles();
        this.reportSettings = ReportSettings.from(settings);
        this.caseWork = new CaseWorkRepositories(database, clock);
        this.caseRows = new CaseRowRepository(database);
        this.replySettings = ReplySettings.from(settings);
        this.healthSettings = HealthSettings.from(settings);
        this.cases = new CaseRepository(database, clock);
        this.outbox = new OutboxRepository(database, clock);
        this.composer = new Memo<>(() -> new ReplyComposer(replySettings.templates(), OfficeSettings.from(settings), clock, periods()));
        this.outboxSender = new Memo<>(() -> new OutboxSender(outbox, transport(SmtpSettings.from(settings)),
                new OutgoingMessageWriter(replySettings.from(), replySettings.fromName()), clock,
                replySettings.retryInitial(), replySettings.retryMax(), replySettings.maxAttempts(), replySettings.warnAfter()));
        this.intake = new Memo<>(() -> new IntakeService(this::mailSource,
                new IntakePass(archive, new IntakeRepository(database, clock), clock),
                new MessageProcessor(messages, steps(), intakeSettings.maxAttempts()),
                passes, new PassLock(dataDir), clock, intakeSettings.retryInitial(), intakeSettings.retryMax(),
                new FaultWatch(dataDir, clock)));
        this.health = new Memo<>(() -> new HealthDetector(passes, cases, composer.get(), healthSettings, mailboxSettings.mailboxName(),
                replySettings.messageIdDomain(), clock, () -> intake.get().faults().active()));
    }

    /** A value built once, on first use; thread-safe (the service's jobs may ask at the same time). */
    private static final class Memo<T> {
        private final java.util.function.Supplier<T> factory;
        private volatile @Nullable T value;

        Memo(java.util.function.Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = factory.get();
                        value = result;
                    }
                }
            }
            return result;
        }
    }

    /**
     * Half-written files of a process killed mid-write (archive, file store, outbox, heartbeat): never
     * referenced by the register, since a file is only recorded after it is whole and renamed.
     */
    private void removeAbandonedTemporaryFiles() {
        List<Path> removed = new ArrayList<>();
        try {
            removed.addAll(TemporaryFiles.removeAbandoned(archive.temporaryDirectory(), ".part"));
            removed.addAll(TemporaryFiles.removeAbandoned(fileStore.temporaryDirectory(), ".tmp"));
            removed.addAll(TemporaryFiles.removeAbandoned(fileStore.temporaryDirectory(), ".eml"));
            removed.addAll(TemporaryFiles.removeAbandoned(dataDir.resolve("outbox"), ".part"));
            removed.addAll(TemporaryFiles.removeAbandoned(dataDir, ".tmp"));
            removed.addAll(TemporaryFiles.removeAbandoned(dataDir, ".part"));
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(App.class).warn("Temporary files left by a stopped process not all removed: {}", e.toString());
        }
        if (!removed.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(App.class).info("Removed {} temporary files left by a stopped process", removed.size());
        }
    }

    public static App open(Path dataDir, Path configFile) {
        return new App(dataDir, Settings.load(configFile, Map.copyOf(System.getenv())), Clock.systemDefaultZone());
    }

    private List<ProcessingStep> steps() {
        List<ProcessingStep> steps = new ArrayList<>();
        if (stages != null) {
            steps.addAll(stages.stepsBeforeAnswer().apply(messages));
        } else {
            steps.add(new ExtractStep(messages, new MessageExtractor(attachmentLimits(), fileStore), archive,
                    intakeSettings.maxMessageBytes()));
            steps.add(new ParseStep(messages, forms, new FormReader(), new FormChecks(catalogues(), clock), fileStore::pathOf));
        }
        SubmissionLoader loader = stages != null ? stages.loader().apply(messages) : new RegisterSubmissionLoader(messages, forms);
        steps.add(new AnswerStep(archive, loader, cases, replySettings, composer.get(), outboxSender.get()));
        return steps;
    }

    /** SMTP when a server is configured, else each mail as an .eml file under {@code <data>/outbox/}. */
    private MailTransport transport(SmtpSettings smtp) {
        return smtp.isConfigured() ? new SmtpTransport(smtp, replySettings.from()) : new EmlFileTransport(dataDir.resolve("outbox"));
    }

    private AttachmentLimits attachmentLimits() {
        AttachmentLimits defaults = AttachmentLimits.defaults();
        return new AttachmentLimits(intakeSettings.maxAttachmentBytes(), intakeSettings.maxParts(), defaults.maxNestingDepth(),
                intakeSettings.maxZipEntries(), intakeSettings.maxZipExpandedBytes(), intakeSettings.maxZipRatio(),
                intakeSettings.maxZipDepth());
    }

    /** The national catalogues, from {@code reference.dir} (staff replace the CSV files without rebuilding). */
    private Catalogues catalogues() {
        return Catalogues.load(referenceDir());
    }

    /** Registers the scheduled jobs of every capability; the caller starts the scheduler. */
    public void startServices(IntakeScheduler scheduler) {
        scheduler.schedulePasses(intake.get(), intakeSettings.cron());
        if (mailboxSettings.idle() && mailboxSettings.protocol().startsWith("imap")) {
            idle = new IdleTrigger(new ImapIdleWatcher(mailboxSettings), () -> scheduler.runNow("pass"));
            idle.start();
        }
        DueSummaries due = dueSummaries();
        CaseAttribution attribution = attribution();
        OutboxSender sender = outboxSender.get();
        HealthDetector detector = health.get();
        scheduler.add(SummaryJob.class, () -> new SummaryJob(attribution, due), "summaries", "0 15 * * * ?", true);
        scheduler.add(OutboxJob.class, () -> new OutboxJob(sender), "outbox", replySettings.senderCron(), true);
        scheduler.add(HealthJob.class, () -> new HealthJob(detector, sender), "health", healthSettings.cron(), false);
    }

    /** The deadlines of {@code periods.fixed} and {@code periods.yearly}. */
    public ReportingPeriods periods() {
        return new ReportingPeriods(reportSettings.fixedDeadlines(), reportSettings.yearlyDeadlines());
    }

    /** The city attribution of issue 5, with the sender map of {@code city.sender.*}. */
    public CityResolver cityResolver() {
        return CityResolver.load(referenceDir(), reportSettings.senderCities());
    }

    public CaseAttribution attribution() {
        return new CaseAttribution(caseWork.places(), cityResolver(), periods());
    }

    /**
     * Staff work on cases (issue 8), for the CLI and the web console: list, show, search, review,
     * assign, merge, note, paper, withdraw, reply, todo.
     */
    public CaseService caseService() {
        return new CaseService(caseWork, cases, forms, messages, attribution(),
                caseInputs(), fileStore::pathOf, outboxSender.get(), replySettings.messageIdDomain(),
                Duration.ofDays(settings.integer("todo.correction-days", 14)), clock);
    }

    /** Reclassify, reprocess, resend, and the mail that is no case: for the CLI and the web console. */
    public MailDesk mailDesk() {
        return new MailDesk(messages, cases, outbox, outboxSender.get(), caseService(), () -> intake.get().processPending());
    }

    /** The staff web console's settings (issue 9). */
    public WebSettings webSettings() {
        return WebSettings.from(settings);
    }

    /** The checker of typed cities, states, periods and dates. */
    public CaseInputs caseInputs() {
        return new CaseInputs(cityResolver().cities(), periods(), LocalDate.now(clock.withZone(CaseAttribution.BEIJING)));
    }

    public ReviewOutcomes reviews() {
        return new ReviewOutcomes(caseRows, new ReviewRepository(database, clock), clock);
    }

    /** The summaries the service writes and mails at each deadline (issue 5), under {@code <data>/summaries}. */
    public DueSummaries dueSummaries() {
        return new DueSummaries(summaries(), periods(), reportSettings.delayDays(), reportSettings.mailTo(),
                dataDir.resolve("summaries"), cases, replySettings.messageIdDomain(), clock);
    }

    public PeriodSummaries summaries() {
        return new PeriodSummaries(new SummaryRecordRepository(database), attribution(), cityResolver().cities(), IndustrySections.load(referenceDir()),
                reportSettings.preparer(), clock);
    }

    private Path referenceDir() {
        return Path.of(settings.string("reference.dir", Catalogues.DEFAULT_DIRECTORY.toString()));
    }

    /** A fresh connection to the configured mailbox for one pass. */
    public MailSource mailSource() {
        return switch (mailboxSettings.protocol()) {
            case "imap", "imaps" -> new ImapSource(mailboxSettings);
            case "pop3", "pop3s" -> new Pop3Source(mailboxSettings);
            default -> new MaildirSource(mailboxSettings);
        };
    }

    public Path dataDir() {
        return dataDir;
    }

    public Settings settings() {
        return settings;
    }

    public MailboxSettings mailboxSettings() {
        return mailboxSettings;
    }

    public IntakeSettings intakeSettings() {
        return intakeSettings;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public RawArchive archive() {
        return archive;
    }

    public MessageRepository messages() {
        return messages;
    }

    public PassRepository passes() {
        return passes;
    }

    /** Reporting's view of cases: each with its current proposal, place and reviews. */
    public CaseRowRepository caseRows() {
        return caseRows;
    }

    public ReportSettings reportSettings() {
        return reportSettings;
    }

    public FormRepository forms() {
        return forms;
    }

    public FileStore fileStore() {
        return fileStore;
    }

    public IntakeService intake() {
        return intake.get();
    }

    public ReplySettings replySettings() {
        return replySettings;
    }

    public CaseRepository cases() {
        return cases;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public ReplyComposer composer() {
        return composer.get();
    }

    public OutboxSender outboxSender() {
        return outboxSender.get();
    }

    public HealthDetector health() {
        return health.get();
    }

    @Override
    public void close() {
        if (idle != null) {
            idle.close();
        }
        database.close();
    }
}
