package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsSheetIT {

    @TempDir
    Path directory;

    private XSSFSheet statistics;
    private XSSFWorkbook workbook;

    @BeforeEach
    void writeProvinceSummary() throws IOException {
        Path xlsx = directory.resolve("全省.xlsx");
        SummaryReport report = new SummaryReport(
                SummaryReport.PROVINCE, "省职业技能服务指导中心", LocalDate.of(2026, 12, 31), SummaryStatisticsTest.KNOWN_SET);
        new SummaryWorkbookWriter().write(report, xlsx);
        workbook = new XSSFWorkbook(Files.newInputStream(xlsx));
        statistics = workbook.getSheet("统计");
    }

    @AfterEach
    void close() throws IOException {
        workbook.close();
    }

    /** Label to count of every two-column row whose second cell is a number, table by table. */
    private Map<String, Integer> countsUnder(String caption) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean inside = false;
        for (Row row : statistics) {
            String first = row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
            if (first.startsWith("按")) {
                inside = first.equals(caption);
            } else if (inside && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.NUMERIC) {
                counts.put(first, (int) row.getCell(1).getNumericCellValue());
            }
        }
        return counts;
    }

    @Test
    void placesStatisticsSheetAfterTheSummary() {
        assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("汇总表");
        assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("未列入汇总表的申报");
        assertThat(workbook.getSheetAt(2).getSheetName()).isEqualTo("统计");
        assertThat(statistics.getRow(0).getCell(0).getStringCellValue()).isEqualTo("新职业信息汇总统计（全省）");
    }

    @Test
    void writesCountsByCityWithTotal() {
        assertThat(countsUnder("按地市统计")).containsExactly(
                Map.entry("深圳市", 3), Map.entry("广州市", 1), Map.entry("未填写", 1), Map.entry("合计", 5));
    }

    @Test
    void writesCountsByCategorySectionAndStatus() {
        assertThat(countsUnder("按申报类别统计")).containsEntry("新职业", 3).containsEntry("合计", 5);
        assertThat(countsUnder("按行业门类统计")).containsEntry("C 制造业", 2).containsEntry("未能识别门类", 1);
        assertThat(countsUnder("按状态统计")).containsEntry("已受理", 3).containsEntry("论证通过", 1);
    }

    @Test
    void drawsAColumnChartForEachTable() {
        assertThat(statistics.getDrawingPatriarch().getCharts())
                .extracting(XSSFChart::getTitleText)
                .extracting(Object::toString)
                .containsExactly("按地市统计", "按申报类别统计", "按行业门类统计", "按状态统计");
    }
}
