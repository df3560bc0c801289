package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.register.CasePlaceRepository;
import cn.gdhrss.intake.register.CaseRowRepository;
import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.ReviewRepository;
import cn.gdhrss.intake.register.SummaryRecord;
import cn.gdhrss.intake.register.SummaryRecordRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Period summaries written from a real register match it row for row, per city and for the province. */
class PeriodSummariesIT {
    static final LocalDate PERIOD = LocalDate.of(2026, 8, 10);

    @TempDir
    Path dir;

    Database database;
    SummaryRecordRepository records;
    PeriodSummaries summaries;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void fill() {
        database = Database.open(dir.resolve("register.db"));
        records = new SummaryRecordRepository(database);
        CityResolver cities = CityResolver.load(Path.of("reference"), Map.of());
        CaseAttribution attribution = new CaseAttribution(new CasePlaceRepository(database, clock), cities, ReportingPeriods.ofNotice());
        summaries = new PeriodSummaries(records, attribution, cities.cities(), IndustrySections.load(Path.of("reference")),
                "省职业技能服务指导中心 020-83305821", clock);
        RegisterFiller filler = new RegisterFiller(database);
        List<Long> ids = filler.add(List.of(
                ReportRegisterIT.submission("a@qq.com", ReportRegisterIT.AUGUST, "数据标注员", "广州市天河区"),
                ReportRegisterIT.submission("b@qq.com", ReportRegisterIT.AUGUST, "碳排放管理员", "佛山市顺德区"),
                ReportRegisterIT.submission("c@qq.com", ReportRegisterIT.AUGUST, "无人机驾驶员", "广州市番禺区"),
                ReportRegisterIT.submission("d@qq.com", Instant.parse("2026-09-01T02:00:00Z"), "下一期的职业", "广州市")));
        new ReviewOutcomes(new CaseRowRepository(database), new ReviewRepository(database, clock), clock).record("P-" + ids.get(2), "city", "pass", "", "wangwu");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void writesXlsxAndDocxPerCityAndForTheProvince() throws IOException {
        List<Path> files = summaries.write(PERIOD, null, dir.resolve("out"));

        assertThat(files).extracting(file -> file.getFileName().toString()).containsExactly(
                "新职业信息汇总表（广州市）2026-08-10.xlsx", "新职业信息汇总表（广州市）2026-08-10.docx",
                "新职业信息汇总表（佛山市）2026-08-10.xlsx", "新职业信息汇总表（佛山市）2026-08-10.docx",
                "新职业信息汇总表（全省）2026-08-10.xlsx", "新职业信息汇总表（全省）2026-08-10.docx");
        assertThat(files).allSatisfy(file -> assertThat(Files.size(file)).isPositive());
    }

    @Test
    void cityWorkbookMatchesTheRegisterRowForRow() throws IOException {
        summaries.write(PERIOD, "广州市", dir.resolve("out"));
        List<SummaryRecord> expected = records.listSummaryRecords(PERIOD, "广州市");

        List<List<String>> rows = dataRows(dir.resolve("out/新职业信息汇总表（广州市）2026-08-10.xlsx"));

        assertThat(rows).hasSize(expected.size()).hasSize(2);
        for (int index = 0; index < rows.size(); index++) {
            SummaryRecord record = expected.get(index);
            assertThat(rows.get(index)).containsExactly(Integer.toString(index + 1), "新职业", record.name(), record.alternativeNames(),
                    record.definition(), record.related(), record.industry(), record.applicant(), "张三 020-12345678",
                    "pass".equals(record.cityReview()) ? "是" : "否");
        }
        assertThat(rows).extracting(row -> row.get(9)).containsExactly("否", "是");
    }

    @Test
    void provinceWorkbookHoldsEveryCaseOfThePeriodNumberedAfresh() throws IOException {
        summaries.write(PERIOD, null, dir.resolve("out"));

        List<List<String>> rows = dataRows(dir.resolve("out/新职业信息汇总表（全省）2026-08-10.xlsx"));

        assertThat(rows).extracting(row -> row.get(0)).containsExactly("1", "2", "3");
        assertThat(rows).extracting(row -> row.get(2)).containsExactlyInAnyOrder("数据标注员", "碳排放管理员", "无人机驾驶员");
    }

    /** The rows between the header (row 4) and the 备注. */
    private static List<List<String>> dataRows(Path xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(SummaryWorkbookWriter.SUMMARY_SHEET);
            for (int index = SummaryWorkbookWriter.HEADER_ROW + 1; index <= sheet.getLastRowNum(); index++) {
                Row row = sheet.getRow(index);
                String first = row == null ? "" : formatter.formatCellValue(row.getCell(0));
                if (!first.matches("\\d+")) {
                    break;
                }
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < 10; column++) {
                    cells.add(formatter.formatCellValue(row.getCell(column)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void periodTooLargeForWordGetsItsWorkbookAndANoteInsteadOfTheDocument() throws IOException {
        List<RegisterFiller.Submission> many = new ArrayList<>();
        for (int index = 0; index < PeriodSummaries.MAX_DOCUMENT_LINES; index++) {
            many.add(ReportRegisterIT.submission("x" + index + "@qq.com", ReportRegisterIT.AUGUST, "职业" + index, "广州市越秀区"));
        }
        new RegisterFiller(database).add(many);

        SummaryFiles written = summaries.writeFiles(PERIOD, "广州市", dir.resolve("out"));

        assertThat(written.files()).extracting(file -> file.getFileName().toString())
                .containsExactly("新职业信息汇总表（广州市）2026-08-10.xlsx");
        assertThat(written.notes()).singleElement().asString().contains("未生成 Word 版", "5002 条");
    }
}
