package cn.gdhrss.intake.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of both sheets, made once per workbook (Excel caps a file at 64,000). */
record WorkbookStyles(CellStyle title, CellStyle plain, CellStyle header, CellStyle body, CellStyle number, CellStyle note) {

    /** The font of 附件2's body text as offices have it; LibreOffice substitutes a CJK font. */
    static final String FONT_NAME = "宋体";
    static final short BODY_POINTS = 10;

    static WorkbookStyles create(Workbook workbook) {
        return new WorkbookStyles(
                titleStyle(workbook),
                plainStyle(workbook),
                headerStyle(workbook),
                bodyStyle(workbook, HorizontalAlignment.LEFT),
                bodyStyle(workbook, HorizontalAlignment.CENTER),
                noteStyle(workbook));
    }

    private static CellStyle titleStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font(workbook, (short) 16, true));
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static CellStyle plainStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font(workbook, (short) 11, false));
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static CellStyle headerStyle(Workbook workbook) {
        CellStyle style = bordered(workbook);
        style.setFont(font(workbook, BODY_POINTS, true));
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static CellStyle bodyStyle(Workbook workbook, HorizontalAlignment alignment) {
        CellStyle style = bordered(workbook);
        style.setFont(font(workbook, BODY_POINTS, false));
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static CellStyle noteStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font(workbook, BODY_POINTS, false));
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static CellStyle bordered(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setWrapText(true);
        return style;
    }

    private static Font font(Workbook workbook, short points, boolean bold) {
        Font font = workbook.createFont();
        font.setFontName(FONT_NAME);
        font.setFontHeightInPoints(points);
        font.setBold(bold);
        return font;
    }
}
