package cn.gdhrss.intake.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link SummaryReport} as the .xlsx of 附件2: sheet 汇总表 with the title, the preparer
 * line, 填报时间, the ten columns, one row per line numbered 1..n and the 备注, laid out for A4
 * landscape; and sheet 统计 with the counts and their charts.
 *
 * <p>The 汇总表 sheet is streamed (SXSSF): memory stays flat however many lines there are. The
 * statistics sheet is built in memory first, because charts cannot be streamed. The file appears
 * at {@code xlsx} only once complete; a file already there is replaced.
 */
public final class SummaryWorkbookWriter {

    static final String SUMMARY_SHEET = "汇总表";
    static final String EXCLUDED_SHEET = SummaryLayout.EXCLUDED_TITLE;
    static final String STATISTICS_SHEET = "统计";
    /** Rows 1-2 of 未列入汇总表的申报 are title and introduction; row 3 the column headers. */
    static final int EXCLUDED_HEADER_ROW = 2;
    /** Rows 1-3 are title, preparer and date; row 4 the column headers (0-based index 3). */
    static final int HEADER_ROW = 3;

    private static final int ROW_WINDOW = 200;
    private static final String PAGE_NUMBER = "第 &P 页，共 &N 页";
    private static final float POINTS_PER_LINE = 13.5f;
    private static final float ROW_PADDING_POINTS = 3f;
    /** Excel's maximum row height. */
    private static final float MAX_ROW_POINTS = 409f;

    /** Writes {@code report} with all its lines and excluded cases to {@code xlsx}. */
    public void write(SummaryReport report, Path xlsx) throws IOException {
        try (Stream stream = open(report, xlsx)) {
            for (SummaryLine line : report.lines()) {
                stream.add(line);
            }
            for (ExcludedLine line : report.excluded()) {
                stream.exclude(line);
            }
            stream.finish();
        }
    }

    /**
     * Starts the workbook of {@code head} (its title, preparer, date and 统计 cities; its lines are
     * not written): lines follow one by one with {@link Stream#add} and {@link Stream#exclude}, in
     * any interleaving, {@link Stream#finish} writes the file. The
     * caller closes the stream, which discards an unfinished file.
     */
    public Stream open(SummaryReport head, Path xlsx) throws IOException {
        return new Stream(head, xlsx);
    }

    /** One workbook being written: rows go to disk as they come, the 统计 counts are kept as a tally. */
    public static final class Stream implements Closeable {
        private final SummaryReport head;
        private final Path xlsx;
        private final Path partial;
        private final XSSFWorkbook template;
        private final SXSSFWorkbook workbook;
        private final WorkbookStyles styles;
        private final SXSSFSheet sheet;
        private final SXSSFSheet excludedSheet;
        private final SummaryStatistics.Tally tally;
        private int nextRow = HEADER_ROW + 1;
        private int count;
        private int excludedCount;

        private Stream(SummaryReport head, Path xlsx) {
            this.head = head;
            this.xlsx = xlsx;
            this.partial = xlsx.resolveSibling(xlsx.getFileName() + ".part");
            this.template = new XSSFWorkbook();
            template.createSheet(SUMMARY_SHEET);
            this.styles = WorkbookStyles.create(template);
            this.workbook = new FastDeflatingWorkbook(template);
            this.sheet = workbook.getSheet(SUMMARY_SHEET);
            this.tally = new SummaryStatistics.Tally(head.cityRows(), SummaryStatistics.STATES);
            setUpColumns(sheet, SummaryLayout.WIDTHS, HEADER_ROW);
            setUpPrinting(sheet, HEADER_ROW);
            markAttachment(template.getSheet(SUMMARY_SHEET));
            writeHead(sheet, styles, head);
            this.excludedSheet = workbook.createSheet(EXCLUDED_SHEET);
            setUpColumns(excludedSheet, SummaryLayout.EXCLUDED_WIDTHS, EXCLUDED_HEADER_ROW);
            setUpPrinting(excludedSheet, EXCLUDED_HEADER_ROW);
            writeExcludedHead(excludedSheet, styles, head);
        }

        /** Adds a case that goes forward: a numbered row of the 汇总表. */
        public void add(SummaryLine line) {
            writeLine(sheet.createRow(nextRow++), styles, ++count, line);
            tally.add(line);
        }

        /** Adds a case that does not go forward: a row of 未列入汇总表的申报. */
        public void exclude(ExcludedLine line) {
            excludedCount++;
            writeRow(excludedSheet.createRow(EXCLUDED_HEADER_ROW + excludedCount), styles, excludedCount,
                    SummaryLayout.excludedValues(line), SummaryLayout.EXCLUDED_WIDTHS);
            tally.add(line);
        }

        /** How many cases were excluded. */
        public int excludedCount() {
            return excludedCount;
        }

        /** How many lines were added. */
        public int count() {
            return count;
        }

        /** Writes the notes and the 统计 sheet, then the file; it appears at its path only once complete. */
        public void finish() throws IOException {
            if (count == 0) {
                writeBlankLine(sheet.createRow(nextRow++), styles);
            }
            writeNotes(sheet, styles, nextRow + 1);
            text(excludedSheet.createRow(EXCLUDED_HEADER_ROW + excludedCount + 1), 0,
                    SummaryLayout.excludedTotal(excludedCount), styles.plain());
            // Charts cannot be streamed: the 统计 sheet goes into the template, which SXSSF writes as is.
            new StatisticsSheetWriter(styles).write(template.createSheet(STATISTICS_SHEET), head, tally.statistics());
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            Files.move(partial, xlsx, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void close() throws IOException {
            workbook.dispose();
            workbook.close();
            Files.deleteIfExists(partial);
        }
    }

    private static void setUpColumns(SXSSFSheet sheet, List<Integer> widths, int headerRow) {
        for (int column = 0; column < widths.size(); column++) {
            sheet.setColumnWidth(column, widths.get(column) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
    }

    /**
     * 附件2 at the top left of the first printed page, as the notice's template has it (the sheet's
     * first rows are the form's own, so the mark goes into the first page's header).
     */
    private static void markAttachment(org.apache.poi.xssf.usermodel.XSSFSheet sheet) {
        sheet.getFirstHeader().setLeft(SummaryLayout.ATTACHMENT_LABEL);
        sheet.getFirstFooter().setCenter(PAGE_NUMBER);
    }

    private static void setUpPrinting(SXSSFSheet sheet, int headerRow) {
        PrintSetup printSetup = sheet.getPrintSetup();
        printSetup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        printSetup.setLandscape(true);
        printSetup.setFitWidth((short) 1);
        printSetup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.getFooter().setCenter(PAGE_NUMBER);
    }

    private static void writeHead(SXSSFSheet sheet, WorkbookStyles styles, SummaryReport report) {
        int lastColumn = SummaryLayout.HEADERS.size() - 1;
        Row title = sheet.createRow(0);
        title.setHeightInPoints(30);
        text(title, 0, CellText.clean(report.title()), styles.title());
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
        text(sheet.createRow(1), 0, SummaryLayout.preparerLine(report), styles.plain());
        text(sheet.createRow(2), 0, SummaryLayout.filledDateLine(report), styles.plain());
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(2 * POINTS_PER_LINE + ROW_PADDING_POINTS);
        for (int column = 0; column <= lastColumn; column++) {
            text(header, column, SummaryLayout.HEADERS.get(column), styles.header());
        }
    }

    private static void writeLine(Row row, WorkbookStyles styles, int number, SummaryLine line) {
        writeRow(row, styles, number, SummaryLayout.values(line), SummaryLayout.WIDTHS);
        row.getCell(SummaryLayout.HEADERS.size() - 1).setCellStyle(styles.number());
    }

    /** 序号 and the values after it, the row as high as its most wrapped cell. */
    private static void writeRow(Row row, WorkbookStyles styles, int number, List<String> values, List<Integer> widths) {
        Cell numberCell = row.createCell(0);
        numberCell.setCellValue(number);
        numberCell.setCellStyle(styles.number());
        int lines = 1;
        for (int index = 0; index < values.size(); index++) {
            int column = index + 1;
            String value = CellText.clean(values.get(index));
            text(row, column, value, styles.body());
            lines = Math.max(lines, CellText.wrappedLines(value, widths.get(column)));
        }
        row.setHeightInPoints(Math.min(MAX_ROW_POINTS, lines * POINTS_PER_LINE + ROW_PADDING_POINTS));
    }

    /** Title, introduction and headers of 未列入汇总表的申报 (rows stream after them, the count last). */
    private static void writeExcludedHead(SXSSFSheet sheet, WorkbookStyles styles, SummaryReport report) {
        int lastColumn = SummaryLayout.EXCLUDED_HEADERS.size() - 1;
        Row title = sheet.createRow(0);
        title.setHeightInPoints(30);
        text(title, 0, CellText.clean(SummaryLayout.excludedTitle(report)), styles.title());
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
        text(sheet.createRow(1), 0, SummaryLayout.EXCLUDED_INTRODUCTION, styles.plain());
        Row header = sheet.createRow(EXCLUDED_HEADER_ROW);
        header.setHeightInPoints(POINTS_PER_LINE + ROW_PADDING_POINTS);
        for (int column = 0; column <= lastColumn; column++) {
            text(header, column, SummaryLayout.EXCLUDED_HEADERS.get(column), styles.header());
        }
    }

    /** An empty table still shows one bordered row, as the blank 附件2 does. */
    private static void writeBlankLine(Row row, WorkbookStyles styles) {
        for (int column = 0; column < SummaryLayout.HEADERS.size(); column++) {
            text(row, column, "", styles.body());
        }
    }

    private static void writeNotes(SXSSFSheet sheet, WorkbookStyles styles, int firstRow) {
        int lastColumn = SummaryLayout.HEADERS.size() - 1;
        int pageWidth = SummaryLayout.WIDTHS.stream().mapToInt(Integer::intValue).sum();
        int rowIndex = firstRow;
        for (String note : SummaryLayout.NOTES) {
            Row row = sheet.createRow(rowIndex);
            text(row, 0, note, styles.note());
            row.setHeightInPoints(CellText.wrappedLines(note, pageWidth) * POINTS_PER_LINE + ROW_PADDING_POINTS);
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, lastColumn));
            rowIndex++;
        }
    }

    /**
     * Deflates at the fastest level: the sheet XML of a large summary is highly repetitive, so the
     * file grows by a fifth while writing takes a third less time (issue 5: 100,000 lines in 10 s).
     */
    private static final class FastDeflatingWorkbook extends SXSSFWorkbook {
        FastDeflatingWorkbook(XSSFWorkbook template) {
            super(template, ROW_WINDOW);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
            ZipArchiveOutputStream archive = super.createArchiveOutputStream(stream);
            archive.setLevel(Deflater.BEST_SPEED);
            return archive;
        }

        /** The sheet XML as POI writes it, with less work per cell (no shared strings: the template uses none). */
        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetXmlWriter();
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
