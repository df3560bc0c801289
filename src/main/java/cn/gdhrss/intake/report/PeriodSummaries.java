package cn.gdhrss.intake.report;

import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.register.ReportRepository;
import cn.gdhrss.intake.register.SummaryRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a period's 新职业信息汇总表 from the register (issue 5, "Summaries"): one per city that has
 * cases in the period and one for the province (全省), each as .xlsx (with the 统计 sheet) and
 * .docx, 序号 numbered afresh in each. Cases without a city or period are placed first.
 */
public final class PeriodSummaries {

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
        attribution.attributeNew();
        Files.createDirectories(directory);
        List<SummaryLine> lines = inCityOrder(reports.listSummaryRecords(period, city).stream().map(this::lineOf).toList());
        Map<String, List<SummaryLine>> byCity = new LinkedHashMap<>();
        for (SummaryLine line : lines) {
            byCity.computeIfAbsent(line.city(), key -> new ArrayList<>()).add(line);
        }
        if (city != null) {
            byCity.putIfAbsent(city, List.of());
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<SummaryLine>> cityLines : byCity.entrySet()) {
            written.addAll(writeReport(report(cityLines.getKey(), cityLines.getValue()), period, directory));
        }
        if (city == null) {
            written.addAll(writeReport(report(SummaryReport.PROVINCE, lines), period, directory));
        }
        return written;
    }

    private SummaryReport report(String city, List<SummaryLine> lines) {
        return new SummaryReport(city, preparer, LocalDate.now(clock.withZone(CaseAttribution.BEIJING)), lines);
    }

    private static List<Path> writeReport(SummaryReport report, LocalDate period, Path directory) throws IOException {
        String base = fileBase(report.city(), period);
        Path xlsx = directory.resolve(base + ".xlsx");
        Path docx = directory.resolve(base + ".docx");
        new SummaryWorkbookWriter().write(report, xlsx);
        new SummaryDocumentWriter().write(report, docx);
        return List.of(xlsx, docx);
    }

    /** 新职业信息汇总表（广州市）2026-12-31: the title as staff know it, and the period. */
    public static String fileBase(String city, LocalDate period) {
        return "新职业信息汇总表（" + city.replaceAll("[\\\\/:*?\"<>|]", "_") + "）" + period;
    }

    /** Cities in the order of their codes, then 省属, then 未确定; receipt order within a city. */
    private List<SummaryLine> inCityOrder(List<SummaryLine> lines) {
        List<SummaryLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(line -> cityRank(line.city())));
        return sorted;
    }

    private int cityRank(String city) {
        int index = cityOrder.indexOf(city);
        if (index >= 0) {
            return index;
        }
        return CityDecision.PROVINCIAL.equals(city) ? cityOrder.size() : cityOrder.size() + 1;
    }

    /** The 汇总表 line of a register row: category label, contact person and phone, 是 or 否. */
    public SummaryLine lineOf(SummaryRecord record) {
        String contact = (record.contactPerson().strip() + " " + record.contactPhone().strip()).strip();
        return new SummaryLine(
                SummaryLine.categoryLabel(Category.fromCode(record.category()).orElse(null)),
                record.name(), record.alternativeNames(), record.definition(), record.related(), record.industry(),
                record.applicant(), contact,
                Boolean.TRUE.equals(record.cityReviewed()) ? SummaryLine.REVIEWED : SummaryLine.NOT_REVIEWED,
                record.city(), record.reference(), record.status(), sections.sectionOf(record.industry()));
    }
}
