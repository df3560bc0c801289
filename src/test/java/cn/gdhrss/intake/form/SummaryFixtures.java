package cn.gdhrss.intake.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Summary tables filled with POI into the office's blank templates (.xlsx and .docx). */
final class SummaryFixtures {

    private SummaryFixtures() {}

    static SummaryTable expected() {
        return new SummaryTable("广州市", "广州市人社局职业能力建设处 李四 020-83000000", LocalDate.of(2026, 7, 15),
                "2026年7月15日", List.of(
                        new SummaryTable.Row("1", Category.NEW_OCCUPATION, "低空飞行器运维员", "无人机运维员；低空航空器维护员",
                                "从事低空飞行器日常检查、维护保养的人员。", "民用航空器维修人员（6-23-03-15）", "航空运输业",
                                "广州低空智造研究院有限公司", "张三 020-12345678", true),
                        new SummaryTable.Row("2", Category.NEW_JOB_TYPE, "储能电站运维工", "", "从事储能电站设备巡检的人员。",
                                "电力设备运维人员", "电力、热力生产和供应业", "广州储能科技有限公司", "王五 13800138000", false),
                        new SummaryTable.Row("3", Category.CHANGE, "网约配送员", "", "调整其工作任务描述。", "4-02-07-10",
                                "其他未列明服务业", "广州市快递行业协会", "赵六 020-88886666", null)),
                List.of());
    }

    private static String categoryText(SummaryTable.Row row) {
        return row.category() == null ? "" : row.category().label();
    }

    private static String reviewedText(SummaryTable.Row row) {
        return row.cityReviewed() == null ? "" : row.cityReviewed() ? "是" : "否";
    }

    static String[] cells(SummaryTable.Row row) {
        return new String[] {row.no(), categoryText(row), row.name(), row.alternativeNames(), row.definition(),
            row.related(), row.industry(), row.applicant(), row.contact(), reviewedText(row)};
    }

    static XSSFWorkbook filledWorkbook(SummaryTable table) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = SummaryFixtures.class.getResourceAsStream("/forms/template-summary.xlsx")) {
            workbook = new XSSFWorkbook(in);
        }
        Sheet sheet = workbook.getSheetAt(0);
        replace(sheet.getRow(0), "新职业信息汇总表（" + table.city() + "）");
        replace(sheet.getRow(1), "填表人及联系方式（单位盖章）：" + table.preparer());
        replace(sheet.getRow(2), "填报时间：" + table.filledDateText());
        // The template's remark row sits right under the header: move it below the filled rows.
        sheet.shiftRows(5, 5, table.rows().size() + 1);
        for (int i = 0; i < table.rows().size(); i++) {
            Row row = sheet.getRow(4 + i) == null ? sheet.createRow(4 + i) : sheet.getRow(4 + i);
            String[] values = cells(table.rows().get(i));
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
        return workbook;
    }

    /**
     * The template stores inline strings, whose text POI's setCellValue leaves in place; a new cell
     * replaces it.
     */
    private static void replace(Row row, String text) {
        org.apache.poi.ss.usermodel.CellStyle style = row.getCell(0).getCellStyle();
        row.removeCell(row.getCell(0));
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(0);
        cell.setCellStyle(style);
        cell.setCellValue(text);
    }

    static XWPFDocument filledDocument(SummaryTable table) throws IOException {
        XWPFDocument document;
        try (InputStream in = SummaryFixtures.class.getResourceAsStream("/forms/template-summary.docx")) {
            document = new XWPFDocument(in);
        }
        ProposalFixtures.setParagraph(document.getParagraphs().get(1), "新职业信息汇总表（" + table.city() + "）");
        ProposalFixtures.setParagraph(document.getParagraphs().get(2), "填表人及联系方式（单位盖章）：" + table.preparer());
        ProposalFixtures.setParagraph(document.getParagraphs().get(3), "填报时间：" + table.filledDateText());
        XWPFTable grid = document.getTables().get(0);
        for (int i = 0; i < table.rows().size(); i++) {
            XWPFTableRow row = i == 0 ? grid.getRow(1) : ProposalFixtures.addRowAfter(grid, i);
            String[] values = cells(table.rows().get(i));
            for (int c = 0; c < values.length; c++) {
                ProposalFixtures.set(row.getCell(c), values[c]);
            }
        }
        return document;
    }

    static void writeAll(Path dir) throws IOException {
        try (XSSFWorkbook workbook = filledWorkbook(expected());
                OutputStream out = Files.newOutputStream(dir.resolve("testXLSX_summary.xlsx"))) {
            workbook.write(out);
        }
        ProposalFixtures.write(filledDocument(expected()), dir.resolve("testDOCX_summary.docx"));
    }
}
