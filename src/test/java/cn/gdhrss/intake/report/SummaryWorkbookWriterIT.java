package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWorkbookWriterIT {

    @TempDir
    Path directory;

    private XSSFWorkbook written(SummaryReport report) throws IOException {
        Path xlsx = directory.resolve("汇总表.xlsx");
        new SummaryWorkbookWriter().write(report, xlsx);
        return new XSSFWorkbook(Files.newInputStream(xlsx));
    }

    private static String text(XSSFSheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    @Test
    void writesTitlePreparerAndDateAsAttachmentTwo() throws IOException {
        try (XSSFWorkbook workbook = written(SampleReports.guangzhou())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("汇总表");
            assertThat(text(sheet, 0, 0)).isEqualTo("新职业信息汇总表（广州市）");
            assertThat(sheet.getMergedRegions()).contains(CellRangeAddress.valueOf("A1:J1"));
            assertThat(text(sheet, 1, 0)).isEqualTo("填表人及联系方式（单位盖章）：李四（广州市人力资源和社会保障局职业能力建设处）020-83000000");
            assertThat(text(sheet, 2, 0)).isEqualTo("填报时间：2026年8月10日");
        }
    }

    @Test
    void writesTheTenHeadersOfAttachmentTwo() throws IOException {
        try (XSSFWorkbook workbook = written(SampleReports.guangzhou())) {
            List<String> headers = new ArrayList<>();
            for (Cell cell : workbook.getSheetAt(0).getRow(3)) {
                headers.add(cell.getStringCellValue());
            }
            assertThat(headers).containsExactly(
                    "序号", "申报类别", "职业（工种）名称", "备选名称", "职业（工种）定义",
                    "与相关职业（工种）的关系", "所属行业", "申报单位", "联系人及电话", "地市是否有初审");
        }
    }

    @Test
    void numbersLinesAfreshAndWritesEveryValue() throws IOException {
        SummaryReport report = SampleReports.guangzhou();
        try (XSSFWorkbook workbook = written(report)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int index = 0; index < report.lines().size(); index++) {
                SummaryLine line = report.lines().get(index);
                Row row = sheet.getRow(4 + index);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(index + 1);
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= 9; column++) {
                    values.add(row.getCell(column).getStringCellValue());
                }
                assertThat(values).containsExactly(
                        line.category(), line.name(), line.alternativeNames(), line.definition(), line.related(),
                        line.industry(), line.applicant(), line.contact(), line.cityReviewed());
            }
        }
    }

    @Test
    void givesLongDefinitionsTallerWrappedRows() throws IOException {
        try (XSSFWorkbook workbook = written(SampleReports.guangzhou())) {
            Row row = workbook.getSheetAt(0).getRow(4);
            assertThat(row.getCell(4).getCellStyle().getWrapText()).isTrue();
            // 4 x 47 characters in a 36-character column need about 11 lines.
            assertThat(row.getHeightInPoints()).isGreaterThan(150f);
        }
    }

    @Test
    void endsWithTheNotesOfAttachmentTwo() throws IOException {
        try (XSSFWorkbook workbook = written(SampleReports.guangzhou())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 8, 0)).isEqualTo("备注：汇总表各项内容应该与新职业申报书对应内容保持一致。");
            assertThat(text(sheet, 13, 0)).startsWith("5.所属行业：");
            assertThat(sheet.getLastRowNum()).isEqualTo(13);
        }
    }

    @Test
    void printsOnA4LandscapeFittedToWidthWithRepeatedHeader() throws IOException {
        try (XSSFWorkbook workbook = written(SampleReports.guangzhou())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            PrintSetup printSetup = sheet.getPrintSetup();
            assertThat(printSetup.getLandscape()).isTrue();
            assertThat(printSetup.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(printSetup.getFitWidth()).isEqualTo((short) 1);
            assertThat(printSetup.getFitHeight()).isZero();
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("4:4"));
            assertThat(sheet.getColumnWidth(4)).isGreaterThan(sheet.getColumnWidth(0) * 4);
        }
    }

    @Test
    void writesOneBlankBorderedRowForAnEmptyPeriod() throws IOException {
        SummaryReport empty = new SummaryReport("韶关市", "王五", LocalDate.of(2026, 12, 31), List.of());
        try (XSSFWorkbook workbook = written(empty)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("新职业信息汇总表（韶关市）");
            assertThat(text(sheet, 4, 0)).isEmpty();
            assertThat(text(sheet, 6, 0)).startsWith("备注：");
        }
    }

    @Test
    void dropsCharactersThatXmlCannotCarry() throws IOException {
        SummaryLine hostile = SampleReports.line("控制\u0000字符\u0007测试\uFFFF员", "广州市", "新职业", "", "");
        SummaryReport report = new SummaryReport("广州市", "李四", LocalDate.of(2026, 8, 10), List.of(hostile));
        try (XSSFWorkbook workbook = written(report)) {
            assertThat(text(workbook.getSheetAt(0), 4, 2)).isEqualTo("控制字符测试员");
        }
    }

    @Test
    void capsACellAtTheExcelLimit() throws IOException {
        SummaryLine huge = SampleReports.line("超长定义员", "广州市", "新职业", "", "");
        huge = new SummaryLine(huge.category(), huge.name(), huge.alternativeNames(), "定".repeat(40_000), huge.related(),
                huge.industry(), huge.applicant(), huge.contact(), huge.cityReviewed(), huge.city(), huge.caseRef(),
                huge.status(), huge.industrySection());
        SummaryReport report = new SummaryReport("广州市", "李四", LocalDate.of(2026, 8, 10), List.of(huge));
        try (XSSFWorkbook workbook = written(report)) {
            assertThat(text(workbook.getSheetAt(0), 4, 4)).hasSize(32_767);
        }
    }

    @Test
    void replacesAnEarlierFileAndLeavesNoPartialFile() throws IOException {
        Path xlsx = directory.resolve("汇总表.xlsx");
        Files.writeString(xlsx, "old");
        new SummaryWorkbookWriter().write(SampleReports.guangzhou(), xlsx);
        assertThat(Files.size(xlsx)).isGreaterThan(1000);
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(xlsx);
        }
    }
}
