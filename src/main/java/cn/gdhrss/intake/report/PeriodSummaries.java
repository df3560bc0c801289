package cn.gdhrss.intake.report;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.register.SummaryRecordRepository;
import cn.gdhrss.intake.register.SummaryRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a period's 新职业信息汇总表 from the register (issues 5 and 8, "Summaries"): one per city
 * that has cases in the period and one for the province (全省), each as .xlsx (汇总表, 未列入汇总表的申报
 * and 统计 sheets) and .docx. The 汇总表 lists the cases that go forward ({@link SummaryPolicy}),
 * 序号 numbered afresh in each; every other case of the period is listed with its state and the
 * reason. Cities come in the official order of the 21 cities, then 省属, then 未确定.
 */
public final class PeriodSummaries {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodSummaries.class);

    /** A .docx is built in memory; beyond this many lines staff use the .xlsx (issue 5: flat memory). */
    public static final int MAX_DOCUMENT_LINES = 5_000;

    private final SummaryRecordRepository records;
    private final CaseAttribution attribution;
    private final List<String> cityOrder;
    private final IndustrySections sections;
    private final String preparer;
    private final Clock clock;

    public PeriodSummaries(SummaryRecordRepository records, CaseAttribution attribution, List<String> cityOrder,
            IndustrySections sections, String preparer, Clock clock) {
        this.records = records;
        this.attribution = attribution;
        this.cityOrder = List.copyOf(cityOrder);
        this.sections = sections;
        this.preparer = preparer;
        this.clock = clock;
    }

    /**
     * Writes the summaries of {@code period} into {@code directory} (created if needed): of
     * {@code city} alone when given, else of every city with cases and of the province. Returns the
     * files written, .xlsx before .docx, cities in the order of their codes, the province last.
     */
    public List<Path> write(LocalDate period, @Nullable String city, Path directory) throws IOException {
        return writeFiles(period, city, directory).files();
    }

    /**
     * As {@link #write}, in one pass over the register: rows stream into the workbooks as they are
     * read, so memory stays flat however many cases the period holds. A .docx (built in memory) is
     * written only for up to {@value #MAX_DOCUMENT_LINES} lines; beyond, it is skipped with a note.
     */
    public SummaryFiles writeFiles(LocalDate period, @Nullable String city, Path directory) throws IOException {
        attribution.attributeNew();
        Files.createDirectories(directory);
        try (SummaryPass pass = new SummaryPass(period, directory, city == null)) {
            if (city != null) {
                pass.startCity(city);
            }
            visit(period, city, pass);
            return pass.finish();
        }
    }

    /**
     * What the summaries of {@code period} are written from, after placing new cases: it changes
     * whenever one of the period's cases changes. Empty when the period has no case.
     */
    public Optional<String> findVersion(LocalDate period) {
        attribution.attributeNew();
        return records.findPeriodVersion(period);
    }

    /**
     * Writes the .xlsx alone of {@code city} or (null) the province to {@code xlsx} in one streaming
     * pass over the register; returns the number of lines.
     */
    public int writeWorkbook(LocalDate period, @Nullable String city, Path xlsx) throws IOException {
        attribution.attributeNew();
        try (SummaryWorkbookWriter.Stream stream = new SummaryWorkbookWriter().open(
                head(city == null ? SummaryReport.PROVINCE : city), xlsx)) {
            visit(period, city, new CaseSink() {
                @Override
                public void add(SummaryLine line) {
                    stream.add(line);
                }

                @Override
                public void exclude(ExcludedLine line) {
                    stream.exclude(line);
                }
            });
            stream.finish();
            return stream.count();
        }
    }

    private void visit(LocalDate period, @Nullable String city, CaseSink sink) throws IOException {
        try {
            records.visitSummaryRecords(period, city, ranked(), record -> {
                try {
                    Optional<String> reason = SummaryPolicy.reasonNotListed(record);
                    if (reason.isEmpty()) {
                        sink.add(lineOf(record));
                    } else {
                        sink.exclude(excludedOf(record, reason.get()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The 21 cities in their official order, then 省属; 未确定 and anything else come last. */
    private List<String> ranked() {
        List<String> ranked = new ArrayList<>(cityOrder);
        ranked.add(CityDecision.PROVINCIAL);
        return ranked;
    }

    /** Where the cases of a period go as they are read: into the 汇总表 or 未列入汇总表的申报. */
    private interface CaseSink {
        void add(SummaryLine line) throws IOException;

        void exclude(ExcludedLine line) throws IOException;
    }

    /** The head of a summary: the province's 统计 lists every city, 省属 and 未确定, zeros included. */
    private SummaryReport head(String city) {
        List<String> cityRows = new ArrayList<>(ranked());
        cityRows.add(CityDecision.UNDECIDED);
        return new SummaryReport(city, preparer, LocalDate.now(clock.withZone(CaseAttribution.BEIJING)), List.of(), List.of(),
                SummaryReport.PROVINCE.equals(city) ? cityRows : List.of(city));
    }

    /** The files of one pass: each city's as its lines end, the province's last. */
    private final class SummaryPass implements Closeable, CaseSink {
        private final LocalDate period;
        private final Path directory;
        private final @Nullable ReportFile province;
        private @Nullable ReportFile current;
        private final List<Path> files = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        SummaryPass(LocalDate period, Path directory, boolean withProvince) throws IOException {
            this.period = period;
            this.directory = directory;
            this.province = withProvince ? new ReportFile(head(SummaryReport.PROVINCE), period, directory) : null;
        }

        void startCity(String city) throws IOException {
            if (current != null) {
                current.finish(files, notes);
                current.close();
            }
            current = new ReportFile(head(city), period, directory);
        }

        @Override
        public void add(SummaryLine line) throws IOException {
            fileOf(line.city()).add(line);
            if (province != null) {
                province.add(line);
            }
        }

        @Override
        public void exclude(ExcludedLine line) throws IOException {
            fileOf(line.city()).exclude(line);
            if (province != null) {
                province.exclude(line);
            }
        }

        private ReportFile fileOf(String city) throws IOException {
            if (current == null || !current.head.city().equals(city)) {
                startCity(city);
            }
            return current;
        }

        SummaryFiles finish() throws IOException {
            if (current != null) {
                current.finish(files, notes);
            }
            if (province != null) {
                province.finish(files, notes);
            }
            return new SummaryFiles(files, notes);
        }

        @Override
        public void close() throws IOException {
            try (Closeable city = current; Closeable all = province) {
                // Both closed, the second even when the first fails.
            }
        }
    }

    /** One summary being written: its .xlsx streamed, its lines kept for the .docx while few enough. */
    private static final class ReportFile implements Closeable {
        private final SummaryReport head;
        private final Path xlsx;
        private final Path docx;
        private final SummaryWorkbookWriter.Stream workbook;
        private @Nullable List<SummaryLine> documentLines = new ArrayList<>();
        private @Nullable List<ExcludedLine> documentExcluded = new ArrayList<>();

        ReportFile(SummaryReport head, LocalDate period, Path directory) throws IOException {
            this.head = head;
            String base = fileBase(head.city(), period);
            this.xlsx = directory.resolve(base + ".xlsx");
            this.docx = directory.resolve(base + ".docx");
            this.workbook = new SummaryWorkbookWriter().open(head, xlsx);
        }

        void add(SummaryLine line) {
            workbook.add(line);
            if (documentLines != null) {
                documentLines.add(line);
                checkDocumentSize();
            }
        }

        void exclude(ExcludedLine line) {
            workbook.exclude(line);
            if (documentExcluded != null) {
                documentExcluded.add(line);
                checkDocumentSize();
            }
        }

        private void checkDocumentSize() {
            if (documentLines != null && documentExcluded != null && documentLines.size() + documentExcluded.size() > MAX_DOCUMENT_LINES) {
                documentLines = null;
                documentExcluded = null;
            }
        }

        void finish(List<Path> files, List<String> notes) throws IOException {
            workbook.finish();
            files.add(xlsx);
            if (documentLines == null || documentExcluded == null) {
                int lines = workbook.count() + workbook.excludedCount();
                LOG.warn("Summary {} has {} lines, more than {}: its .docx is not written, the .xlsx holds them",
                        xlsx.getFileName(), lines, MAX_DOCUMENT_LINES);
                notes.add(head.title() + " 共 " + lines + " 条，超过 " + MAX_DOCUMENT_LINES
                        + " 条，未生成 Word 版（.docx），请使用 Excel 版（.xlsx）。");
                return;
            }
            new SummaryDocumentWriter().write(new SummaryReport(head.city(), head.preparer(), head.filledDate(), documentLines,
                    documentExcluded, head.cityRows()), docx);
            files.add(docx);
        }

        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }

    /** 新职业信息汇总表（广州市）2026-12-31: the title as staff know it, and the period. */
    public static String fileBase(String city, LocalDate period) {
        return "新职业信息汇总表（" + city.replaceAll("[\\\\/:*?\"<>|]", "_") + "）" + period;
    }

    /** The 汇总表 line of a case that goes forward: category label, contact person and phone, 是 or 否 from the review record. */
    public SummaryLine lineOf(SummaryRecord record) {
        String contact = (record.contactPerson().strip() + " " + record.contactPhone().strip()).strip();
        return new SummaryLine(
                categoryOf(record), record.name(), record.alternativeNames(), record.definition(), record.related(), record.industry(),
                record.applicant(), contact, SummaryPolicy.cityReviewed(record),
                record.city(), record.reference(), CaseState.labelOf(record.status()), sections.sectionOf(record.industry()));
    }

    /** The 未列入汇总表的申报 line of a case that does not go forward. */
    ExcludedLine excludedOf(SummaryRecord record, String reason) {
        return new ExcludedLine(record.reference(), record.receivedAt().atZone(CaseAttribution.BEIJING).toLocalDate(), record.city(),
                record.name(), record.applicant(), record.fromAddress(), CaseState.labelOf(record.status()), reason,
                categoryOf(record), record.hasProposal() ? sections.sectionOf(record.industry()) : "");
    }

    private static String categoryOf(SummaryRecord record) {
        return SummaryLine.categoryLabel(Category.fromCode(record.category()).orElse(null));
    }
}
