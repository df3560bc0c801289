package cn.gdhrss.intake.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes a {@link SummaryReport} as the .docx of 附件2: "附件2", the title with the city, the
 * preparer line, 填报时间, a table of the ten columns whose header row repeats on every page, and
 * the 备注, on A4 landscape. Built in memory; the file appears at {@code docx} only once complete.
 */
public final class SummaryDocumentWriter {

    /** A4 in twentieths of a point, turned to landscape. */
    private static final int PAGE_WIDTH = 16_838;
    private static final int PAGE_HEIGHT = 11_906;
    /** 2 cm left and right, 2.5 cm top and bottom, as official documents are printed. */
    private static final int SIDE_MARGIN = 1_134;
    private static final int TOP_MARGIN = 1_418;
    private static final int TABLE_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN;
    private static final int BODY_HALF_POINTS = 2 * WorkbookStyles.BODY_POINTS;

    public void write(SummaryReport report, Path docx) throws IOException {
        Path partial = docx.resolveSibling(docx.getFileName() + ".part");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(partial)) {
            setDefaultFont(document);
            setLandscapeA4(document);
            paragraph(document, SummaryLayout.ATTACHMENT_LABEL, ParagraphAlignment.LEFT, 12, false);
            paragraph(document, CellText.clean(report.title()), ParagraphAlignment.CENTER, 18, true);
            paragraph(document, SummaryLayout.preparerLine(report), ParagraphAlignment.LEFT, 12, false);
            paragraph(document, SummaryLayout.filledDateLine(report), ParagraphAlignment.LEFT, 12, false);
            writeTable(document, report.lines());
            for (String note : SummaryLayout.NOTES) {
                paragraph(document, note, ParagraphAlignment.LEFT, WorkbookStyles.BODY_POINTS, false);
            }
            document.write(out);
        }
        Files.move(partial, docx, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Document defaults rather than per-run fonts, so a large table does not repeat them in every cell. */
    private static void setDefaultFont(XWPFDocument document) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr runDefaults = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        CTFonts fonts = runDefaults.addNewRFonts();
        fonts.setAscii(WorkbookStyles.FONT_NAME);
        fonts.setHAnsi(WorkbookStyles.FONT_NAME);
        fonts.setEastAsia(WorkbookStyles.FONT_NAME);
        fonts.setCs(WorkbookStyles.FONT_NAME);
        runDefaults.addNewSz().setVal(BigInteger.valueOf(BODY_HALF_POINTS));
        document.createStyles().setStyles(styles);
    }

    private static void setLandscapeA4(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(SIDE_MARGIN));
        margins.setRight(BigInteger.valueOf(SIDE_MARGIN));
        margins.setTop(BigInteger.valueOf(TOP_MARGIN));
        margins.setBottom(BigInteger.valueOf(TOP_MARGIN));
    }

    private static void paragraph(XWPFDocument document, String text, ParagraphAlignment alignment, int points, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontSize(points);
        run.setBold(bold);
    }

    private static void writeTable(XWPFDocument document, List<SummaryLine> lines) {
        XWPFTable table = document.createTable(Math.max(1, lines.size()) + 1, SummaryLayout.HEADERS.size());
        fixLayout(table);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int column = 0; column < SummaryLayout.HEADERS.size(); column++) {
            XWPFTableCell cell = header.getCell(column);
            cell.setColor("D9D9D9");
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            cellText(cell, SummaryLayout.HEADERS.get(column), ParagraphAlignment.CENTER, true);
        }
        for (int index = 0; index < lines.size(); index++) {
            writeLine(table.getRow(index + 1), index + 1, lines.get(index));
        }
    }

    private static void writeLine(XWPFTableRow row, int number, SummaryLine line) {
        cellText(row.getCell(0), Integer.toString(number), ParagraphAlignment.CENTER, false);
        List<String> values = SummaryLayout.values(line);
        for (int index = 0; index < values.size(); index++) {
            ParagraphAlignment alignment = index == values.size() - 1 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
            cellText(row.getCell(index + 1), CellText.clean(values.get(index)), alignment, false);
        }
    }

    /** Fixed column widths in the proportions of the workbook, spanning the page between margins. */
    private static void fixLayout(XWPFTable table) {
        CTTblPr properties = table.getCTTbl().getTblPr();
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        properties.getTblW().setType(STTblWidth.DXA);
        properties.getTblW().setW(BigInteger.valueOf(TABLE_WIDTH));
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int total = SummaryLayout.WIDTHS.stream().mapToInt(Integer::intValue).sum();
        List<String> twips = SummaryLayout.WIDTHS.stream().map(width -> Integer.toString(TABLE_WIDTH * width / total)).toList();
        for (String width : twips) {
            grid.addNewGridCol().setW(new BigInteger(width));
        }
        // The grid fixes the layout; widths on the first row serve Word versions that read the cells.
        XWPFTableRow header = table.getRow(0);
        for (int column = 0; column < twips.size(); column++) {
            header.getCell(column).setWidth(twips.get(column));
        }
    }

    /** Writes text into a cell's first paragraph, a line break for each \n. */
    private static void cellText(XWPFTableCell cell, String text, ParagraphAlignment alignment, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        if (bold) {
            run.setBold(true);
        }
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (index > 0) {
                run.addBreak();
            }
            run.setText(lines[index], index);
        }
    }
}
