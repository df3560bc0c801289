package cn.gdhrss.intake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The rows of one sheet of a written .xlsx as a person reads them: each non-empty row, its cells joined by " | ". */
final class WorkbookRows {
    static final String SUMMARY = "汇总表";
    static final String EXCLUDED = "未列入汇总表的申报";

    private WorkbookRows() {}

    static List<String> of(Path xlsx, String sheetName) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<String> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            if (sheet == null) {
                throw new AssertionError("No sheet '" + sheetName + "' in " + xlsx);
            }
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell).strip();
                    if (!text.isEmpty()) {
                        cells.add(text);
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(String.join(" | ", cells));
                }
            }
        }
        return rows;
    }

    /** The rows that name {@code reference} or {@code name}. */
    static List<String> naming(List<String> rows, String text) {
        return rows.stream().filter(row -> row.contains(text)).toList();
    }
}
