package cn.gdhrss.intake.report;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.register.ReportRepository;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a period's 新职业信息汇总表 from the register (issue 5, "Summaries"): one per city that has
 * cases in the period and one for the province (全省), each as .xlsx (with the 统计 sheet) and
 * .docx, 序号 numbered afresh in each, cities in the order of their codes, then 省属, then the rest.
 */
public final class PeriodSummaries {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodSummaries.class);

    /** A .docx is built in memory; beyond this many lines staff use the .xlsx (issue 5: flat memory). */
    public static final int MAX_DOCUMENT_LINES = 5_000;

    private final ReportRepository reports;
    private final CaseAttribution attribution;
    private final List<String> cityOrder;
    private final IndustrySections sections;
    private final String preparer;
    private final Clock clock;

    public PeriodSummaries(ReportRepository reports, CaseAttribution attribution, List<String> cityOrder,
            IndustrySections sections, String preparer, Clock clock) {
        this.reports = reports;
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
            visit(period, city, pass::add);
            return pass.finish();
        }
    }

    /**
     * Writes the .xlsx alone of {@code city} or (null) the province to {@code xlsx} in one streaming
     * pass over the register; returns the number of lines.
     */
    public int writeWorkbook(LocalDate period, @Nullable String city, Path xlsx) throws IOException {
        attribution.attributeNew();
        try (SummaryWorkbookWriter.Stream stream = new SummaryWorkbookWriter().open(
                head(city == null ? SummaryReport.PROVINCE : city), xlsx)) {
            visit(period, city, stream::add);
            stream.finish();
            return stream.count();
        }
    }

    private void visit(LocalDate period, @Nullable String city, LineSink sink) throws IOException {
        List<String> ranked = new ArrayList<>(cityOrder);
        ranked.add(CityDecision.PROVINCIAL);
        try {
            reports.visitSummaryRecords(period, city, ranked, record -> {
                try {
                    sink.add(lineOf(record));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface LineSink {
        void add(SummaryLine line) throws IOException;
    }

    private SummaryReport head(String city) {
        return new SummaryReport(city, preparer, LocalDate.now(clock.withZone(CaseAttribution.BEIJING)), List.of());
    }

    /** The files of one pass: each city's as its lines end, the province's last. */
    private final class SummaryPass implements Closeable {
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

        void add(SummaryLine line) throws IOException {
            if (current == null || !current.head.city().equals(line.city())) {
                startCity(line.city());
            }
            current.add(line);
            if (province != null) {
                province.add(line);
            }
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
                if (documentLines.size() > MAX_DOCUMENT_LINES) {
                    documentLines = null;
                }
            }
        }

        void finish(List<Path> files, List<String> notes) throws IOException {
            workbook.finish();
            files.add(xlsx);
            if (documentLines == null) {
                LOG.warn("Summary {} has {} lines, more than {}: its .docx is not written, the .xlsx holds them",
                        xlsx.getFileName(), workbook.count(), MAX_DOCUMENT_LINES);
                notes.add(head.title() + " 共 " + workbook.count() + " 条，超过 " + MAX_DOCUMENT_LINES
                        + " 条，未生成 Word 版（.docx），请使用 Excel 版（.xlsx）。");
                return;
            }
            new SummaryDocumentWriter().write(new SummaryReport(head.city(), head.preparer(), head.filledDate(), documentLines), docx);
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

    /** The 汇总表 line of a register row: category label, contact person and phone, 是 or 否. */
    public SummaryLine lineOf(SummaryRecord record) {
        String contact = (record.contactPerson().strip() + " " + record.contactPhone().strip()).strip();
        return new SummaryLine(
                SummaryLine.categoryLabel(Category.fromCode(record.category()).orElse(null)),
                record.name(), record.alternativeNames(), record.definition(), record.related(), record.industry(),
                record.applicant(), contact,
                Boolean.TRUE.equals(record.cityReviewed()) ? SummaryLine.REVIEWED : SummaryLine.NOT_REVIEWED,
                record.city(), record.reference(), CaseState.labelOf(record.status()), sections.sectionOf(record.industry()));
    }
}
