package cn.gdhrss.intake.form;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Flattens the sheets of a workbook (.xlsx, .xls) into a {@link Layout}; positions are column indexes. */
final class SheetLayoutReader {

    private static final int MAX_SHEETS = 20;
    private static final int MAX_COLUMN = 200;

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    Layout read(Workbook workbook) {
        LayoutBuilder builder = new LayoutBuilder();
        for (int s = 0; s < Math.min(workbook.getNumberOfSheets(), MAX_SHEETS); s++) {
            Sheet sheet = workbook.getSheetAt(s);
            builder.startTable();
            for (Row row : sheet) {
                if (builder.isFull()) {
                    return builder.build();
                }
                builder.row(cells(row));
            }
        }
        return builder.build();
    }

    private List<Layout.Cell> cells(Row row) {
        List<Layout.Cell> cells = new ArrayList<>();
        for (Cell cell : row) {
            int column = cell.getColumnIndex();
            if (column >= MAX_COLUMN) {
                break;
            }
            cells.add(new Layout.Cell(text(cell), column, column + 1, false));
        }
        return cells;
    }

    /** Dates as ISO (a 填报时间 typed as a date cell), everything else as Excel shows it. */
    private String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return switch (type) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
                case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
                default -> "";
            };
        }
        return formatter.formatCellValue(cell);
    }
}
