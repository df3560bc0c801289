package cn.gdhrss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "Done when": on a register holding every kind of case, read in from real mails through
 * every step, the 汇总表 lists exactly the cases that go forward and 未列入汇总表的申报 exactly the
 * rest, each with its state and reason, in the .xlsx and the .docx alike; 统计 counts every state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSummariesIT {
    private static final LocalDate PERIOD = LocalDate.of(2026, 12, 31);
    private static final String PLAIN = "低空飞行器运维员";
    private static final String CITY_PASSED = "低空物流调度员";
    private static final String CITY_FAILED = "低空航线规划员";
    private static final String IN_CATALOGUE = "无人机驾驶员";
    private static final String WITHDRAWN = "低空测绘数据员";
    private static final String DUPLICATE = "低空巡检维护员";
    private static final String BATCH = "低空交通协管员";

    private final Map<String, String> referenceByMail = new LinkedHashMap<>();
    private Path out;

    @BeforeAll
    void fileEveryKindOfCaseAndWriteTheSummaries(@TempDir Path dir) throws Exception {
        Path mail = Files.createDirectories(dir.resolve("mail"));
        SampleMails.write(mail, "01-valid.eml", "zhangsan@example.cn", "", List.of(proposal(PLAIN)));
        SampleMails.write(mail, "02-city-passed.eml", "a@example.cn", "", List.of(proposal(CITY_PASSED)));
        SampleMails.write(mail, "03-city-failed.eml", "b@example.cn", "", List.of(proposal(CITY_FAILED)));
        SampleMails.write(mail, "04-in-catalogue.eml", "c@example.cn", "", List.of(proposal(IN_CATALOGUE)));
        SampleMails.write(mail, "05-withdrawn.eml", "d@example.cn", "", List.of(proposal(WITHDRAWN)));
        SampleMails.write(mail, "06-duplicate.eml", "e@example.cn", "", List.of(proposal(DUPLICATE)));
        SampleMails.write(mail, "07-blank-form.eml", "lisi@example.org", "",
                List.of(new Part("新职业建议书.docx", Files.readAllBytes(SampleMails.FORMS.resolve("template-proposal.docx")))));
        SampleMails.write(mail, "08-only-pdf.eml", "wangwu@example.net", "", List.of(new Part("建议书.pdf", SampleMails.pdf())));
        SampleMails.write(mail, "09-macro.eml", "f@example.cn", "", List.of(new Part("新职业建议书.docm",
                Files.readAllBytes(Path.of("src/test/resources/attachment/documents/poi_SimpleMacro.docm")))));
        SampleMails.write(mail, "10-empty.eml", "qianba@example.cn", "", List.of());
        SampleMails.write(mail, "11-city-batch.eml", "zhinengchu@gz.example.gov.cn", "", List.of(
                new Part("新职业信息汇总表（广州市）.docx", Files.readAllBytes(SampleMails.FORMS.resolve("testDOCX_summary_libreoffice.docx"))),
                proposal(BATCH)));
        Files.copy(Path.of("src/test/resources/reply/submissions/11-bounce-dsn.eml"), mail.resolve("12-bounce.eml"));

        Path data = dir.resolve("data");
        try (App app = new App(data, Settings.of(Map.of()), Clock.fixed(Instant.parse("2026-09-01T02:00:00Z"), ZoneOffset.UTC))) {
            app.intake().runOnce(new FileImportSource(List.of(mail)), done -> { }).orElseThrow();
            referenceByMail.putAll(referencesByMail(app));
            app.reviews().record(referenceByMail.get("02-city-passed.eml"), "city", "pass", "同意上报", "tester");
            app.reviews().record(referenceByMail.get("03-city-failed.eml"), "city", "fail", "与现有职业重叠", "tester");
            // The case commands of issue 8: withdraw REF, and merge REF --into REF --duplicate.
            app.caseService().withdraw(referenceByMail.get("05-withdrawn.eml"), "申报人来信撤回", "tester");
            app.caseService().merge(referenceByMail.get("06-duplicate.eml"), referenceByMail.get("01-valid.eml"), "", "tester", true);
            out = dir.resolve("out");
            app.summaries().write(PERIOD, null, out);
        }
    }

    private static Part proposal(String name) throws IOException {
        return new Part("新职业建议书-" + name + ".docx", SampleMails.proposal(Map.of("低空飞行器运维员", name)));
    }

    @Test
    void summaryListsExactlyTheCasesThatGoForwardWithTheCityReviewFromTheRecord() throws IOException {
        try (XSSFWorkbook workbook = workbook()) {
            List<List<String>> rows = rows(workbook.getSheet("汇总表"), 4, 10);
            // The batch's proposal is sound; only its 汇总表 has rows without a proposal, which is the table's error.
            assertThat(rows).extracting(row -> row.get(2) + "/" + row.get(9))
                    .containsExactlyInAnyOrder(PLAIN + "/否", CITY_PASSED + "/是", BATCH + "/否");
            assertThat(rows).extracting(row -> row.get(0)).containsExactly("1", "2", "3");
        }
    }

    @Test
    void secondSheetListsEveryOtherCaseOfThePeriodWithStateAndReason() throws IOException {
        try (XSSFWorkbook workbook = workbook()) {
            Map<String, String> byReference = new LinkedHashMap<>();
            for (List<String> row : rows(workbook.getSheet("未列入汇总表的申报"), 3, 9)) {
                byReference.put(row.get(1), row.get(7) + "｜" + row.get(8));
            }
            List<String> others = new ArrayList<>(referenceByMail.values());
            others.remove(referenceByMail.get("01-valid.eml"));
            others.remove(referenceByMail.get("02-city-passed.eml"));
            others.remove(referenceByMail.get("11-city-batch.eml"));
            assertThat(byReference).containsOnlyKeys(others);
            assertThat(byReference.get(referenceByMail.get("03-city-failed.eml"))).endsWith("｜地市初审未通过：与现有职业重叠");
            assertThat(byReference.get(referenceByMail.get("04-in-catalogue.eml"))).startsWith("待补正｜已收录于《大典》").contains(IN_CATALOGUE);
            assertThat(byReference.get(referenceByMail.get("05-withdrawn.eml"))).isEqualTo("已撤回｜申报人已撤回");
            assertThat(byReference.get(referenceByMail.get("06-duplicate.eml"))).isEqualTo("重复｜与另一件申报 " + referenceByMail.get("01-valid.eml") + " 重复（同一申报再次提交）");
            assertThat(byReference.get(referenceByMail.get("07-blank-form.eml"))).startsWith("待补正｜有 ").contains("项待补正的错误：");
            assertThat(byReference.get(referenceByMail.get("08-only-pdf.eml"))).startsWith("待补正｜没有可用的《新职业建议书》Word 电子版");
            assertThat(byReference.get(referenceByMail.get("09-macro.eml"))).contains("不予受理");
            assertThat(byReference.get(referenceByMail.get("10-empty.eml"))).startsWith("待补正｜没有可用的《新职业建议书》Word 电子版");
        }
    }

    @Test
    void statisticsCountEveryStateOfThePeriodAndEveryCity() throws IOException {
        try (XSSFWorkbook workbook = workbook()) {
            Map<String, String> counts = new LinkedHashMap<>();
            boolean inStates = false;
            List<String> cities = new ArrayList<>();
            boolean inCities = false;
            for (List<String> row : rows(workbook.getSheet("统计"), 0, 3, false)) {
                if (row.get(0).startsWith("按")) {
                    inStates = row.get(0).equals("按状态统计");
                    inCities = row.get(0).equals("按地市统计");
                } else if (inStates && row.get(1).matches("\\d+")) {
                    counts.put(row.get(0), row.get(1) + "/" + row.get(2));
                } else if (inCities && row.get(1).matches("\\d+")) {
                    cities.add(row.get(0));
                }
            }
            // Before issue 8 only cases with a proposal had a place and only the 汇总表's lines were counted,
            // so the cases without a usable form (PDF, macro, empty mail) were missing from 待补正.
            // Every state is listed, zeros included; reviewed cases count under 已收到 or the state the review moved them to.
            assertThat(counts.keySet()).containsExactly("已收到", "待补正", "材料齐全", "地市初审通过", "地市初审未通过",
                    "省级论证通过（上报国家）", "纳入专项职业能力培育目录", "省级论证未通过", "已合并", "已撤回", "重复", "非申报", "合计");
            assertThat(counts).containsEntry("待补正", "5/0").containsEntry("已撤回", "1/0").containsEntry("重复", "1/0")
                    .containsEntry("已合并", "0/0").containsEntry("合计", "11/3");
            assertThat(cities).hasSize(21 + 3).startsWith("广州市", "深圳市", "珠海市").endsWith("省属", "未确定", "合计");
        }
    }

    @Test
    void documentHoldsTheSameRowsAsTheWorkbook() throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("新职业信息汇总表（全省）2026-12-31.docx"));
                XWPFDocument document = new XWPFDocument(in)) {
            XWPFTable summary = document.getTables().get(0);
            XWPFTable excluded = document.getTables().get(1);
            assertThat(summary.getRows()).hasSize(4);
            assertThat(summary.getRows().subList(1, 4)).extracting(row -> row.getCell(2).getText())
                    .containsExactlyInAnyOrder(PLAIN, CITY_PASSED, BATCH);
            assertThat(excluded.getRows()).hasSize(referenceByMail.size() - 3 + 1);
            assertThat(excluded.getRows().subList(1, excluded.getRows().size()))
                    .extracting(row -> row.getCell(2).getText().replace("\u2011", "-"))
                    .allMatch(date -> date.isEmpty() || date.startsWith("2026"));
        }
    }

    private XSSFWorkbook workbook() throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("新职业信息汇总表（全省）2026-12-31.xlsx"))) {
            return new XSSFWorkbook(in);
        }
    }

    /** The rows from {@code first} on whose first cell is a number, {@code width} cells each. */
    private static List<List<String>> rows(Sheet sheet, int first, int width) {
        return rows(sheet, first, width, true);
    }

    private static List<List<String>> rows(Sheet sheet, int first, int width, boolean numberedOnly) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int index = first; index <= sheet.getLastRowNum(); index++) {
            Row row = sheet.getRow(index);
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < width; column++) {
                cells.add(row == null ? "" : formatter.formatCellValue(row.getCell(column)));
            }
            if (numberedOnly && !cells.get(0).matches("\\d+")) {
                break;
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The case each mail opened, by file name (the Message-ID is the file name). */
    private static Map<String, String> referencesByMail(App app) {
        return app.database().inTransaction(connection -> {
            Map<String, String> references = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT m.message_id, c.reference FROM cases c
                    JOIN case_versions v ON v.case_ref = c.id AND v.version = 1
                    JOIN messages m ON m.id = v.message_ref ORDER BY m.message_id""");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    references.put(rows.getString(1).replace("@example.cn", ""), rows.getString(2));
                }
            }
            return references;
        });
    }
}
