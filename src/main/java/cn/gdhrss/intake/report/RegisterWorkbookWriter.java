package cn.gdhrss.intake.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A list of the register as staff see it (the console's register page, its filters and order) as
 * one .xlsx sheet: a bold header row, then one row per case, text cells only. Rows stream to disk
 * (SXSSF), so a long register costs no more memory than a short one.
 */
public final class RegisterWorkbookWriter {
    /** Excel's limit on one cell; longer text is cut there rather than corrupting the file. */
    private static final int MAX_CELL = 32_767;

    /** Writes {@code header} and {@code rows} to {@code out}; the caller closes {@code out}. */
    public void write(String sheetName, List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            row(sheet, 0, header, bold);
            for (int i = 0; i < rows.size(); i++) {
                row(sheet, i + 1, rows.get(i), null);
            }
            sheet.createFreezePane(0, 1);
            for (int column = 0; column < header.size(); column++) {
                sheet.setColumnWidth(column, 18 * 256);
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void row(Sheet sheet, int index, List<String> values, @Nullable CellStyle style) {
        Row row = sheet.createRow(index);
        for (int column = 0; column < values.size(); column++) {
            Cell cell = row.createCell(column);
            String value = values.get(column);
            // Always a text cell: an applicant's "=HYPERLINK(...)" stays text, never a formula.
            cell.setCellValue(value.length() > MAX_CELL ? value.substring(0, MAX_CELL) : value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
