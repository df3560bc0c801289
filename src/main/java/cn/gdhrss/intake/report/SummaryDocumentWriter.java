package cn.gdhrss.intake.report;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.function.IntFunction;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocument1;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes a {@link SummaryReport} as the .docx of 附件2: "附件2" at the top left, the title with the
 * city, the preparer line, 填报时间, a table of the ten columns whose header row repeats on every
 * page, and the 备注 kept on the page of the table's last row; then, on a new page, 未列入汇总表的申报
 * (issue 8). A4 landscape, 第 n 页，共 m 页 in the footer; hyphens and blanks inside numbers (phones,
 * dates, reference numbers) do not break. Built in memory; the file appears at {@code docx} only once complete.
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
    private static final int CELL_MARGIN = 60;
    /** 三号黑体, as official documents mark an attachment. */
    private static final int ATTACHMENT_POINTS = 16;
    private static final String ATTACHMENT_FONT = "黑体";

    public void write(SummaryReport report, Path docx) throws IOException {
        Path partial = docx.resolveSibling(docx.getFileName() + ".part");
        try (RowsOnSaveDocument document = new RowsOnSaveDocument(); OutputStream out = Files.newOutputStream(partial)) {
            setDefaultFont(document);
            setLandscapeA4(document);
            addPageNumbers(document);
            XWPFParagraph mark = paragraph(document, SummaryLayout.ATTACHMENT_LABEL, ParagraphAlignment.LEFT, ATTACHMENT_POINTS, false);
            mark.getRuns().get(0).setFontFamily(ATTACHMENT_FONT);
            paragraph(document, CellText.clean(report.title()), ParagraphAlignment.CENTER, 18, true);
            paragraph(document, SummaryLayout.preparerLine(report), ParagraphAlignment.LEFT, 12, false);
            paragraph(document, SummaryLayout.filledDateLine(report), ParagraphAlignment.LEFT, 12, false);
            writeTable(document, report.lines());
            writeNotes(document);
            writeExcluded(document, report);
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

    /** 第 n 页，共 m 页, centred in the footer of every page. */
    private static void addPageNumbers(XWPFDocument document) {
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = footer.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.createRun().setText("第 ");
        paragraph.getCTP().addNewFldSimple().setInstr("PAGE");
        paragraph.createRun().setText(" 页，共 ");
        paragraph.getCTP().addNewFldSimple().setInstr("NUMPAGES");
        paragraph.createRun().setText(" 页");
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text, ParagraphAlignment alignment, int points, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontSize(points);
        run.setBold(bold);
        return paragraph;
    }

    /** The 备注, each note kept with the next, so the last table row, which keeps with the first, never ends a page alone. */
    private static void writeNotes(XWPFDocument document) {
        for (int index = 0; index < SummaryLayout.NOTES.size(); index++) {
            XWPFParagraph note = paragraph(document, SummaryLayout.NOTES.get(index), ParagraphAlignment.LEFT, WorkbookStyles.BODY_POINTS, false);
            if (index < SummaryLayout.NOTES.size() - 1) {
                keepNext(note);
            }
        }
    }

    private static void writeTable(RowsOnSaveDocument document, List<SummaryLine> lines) {
        XWPFTable table = headedTable(document, SummaryLayout.HEADERS, SummaryLayout.WIDTHS);
        addBody(document, table, new BodyRows(lines.size(), index -> SummaryLayout.values(lines.get(index)), true));
    }

    /**
     * The rows under a table's header, left for the document to write when it is saved; an empty
     * table still shows one bordered row, as the blank 附件2 does.
     */
    private static void addBody(RowsOnSaveDocument document, XWPFTable table, BodyRows rows) {
        if (rows.count() == 0) {
            keepWithNext(appendRow(table));
        }
        document.addRowsOnSave(rows);
    }

    /** 未列入汇总表的申报 on a page of its own after the 备注. */
    private static void writeExcluded(RowsOnSaveDocument document, SummaryReport report) {
        XWPFParagraph title = paragraph(document, CellText.clean(SummaryLayout.excludedTitle(report)), ParagraphAlignment.CENTER, 18, true);
        title.setPageBreak(true);
        paragraph(document, SummaryLayout.EXCLUDED_INTRODUCTION, ParagraphAlignment.LEFT, 12, false);
        List<ExcludedLine> excluded = report.excluded();
        XWPFTable table = headedTable(document, SummaryLayout.EXCLUDED_HEADERS, SummaryLayout.EXCLUDED_WIDTHS);
        addBody(document, table, new BodyRows(excluded.size(), index -> SummaryLayout.excludedValues(excluded.get(index)), false));
        paragraph(document, SummaryLayout.excludedTotal(excluded.size()), ParagraphAlignment.LEFT, 12, false);
    }

    /**
     * A table of a shaded header row that repeats on every page; the rows follow with {@link #addBody}.
     * Rows may split across pages: a row with a long definition fills half a page, and keeping such
     * rows whole left most of a page blank before each.
     */
    private static XWPFTable headedTable(XWPFDocument document, List<String> headers, List<Integer> widths) {
        XWPFTable table = document.createTable(1, headers.size());
        fixLayout(table, widths);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int column = 0; column < headers.size(); column++) {
            XWPFTableCell cell = header.getCell(column);
            cell.setColor("D9D9D9");
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            cellText(cell, headers.get(column), ParagraphAlignment.CENTER, true);
        }
        header.setCantSplitRow(true);
        return table;
    }

    /**
     * A row of empty cells, as {@link XWPFTable#createRow} makes it, without its count of every
     * {@code <w:tr>} of the table (XMLBeans walks them).
     */
    private static XWPFTableRow appendRow(XWPFTable table) {
        XWPFTableRow row = new XWPFTableRow(table.getCTTbl().addNewTr(), table);
        int columns = table.getRows().get(0).getTableCells().size();
        for (int column = 0; column < columns; column++) {
            row.createCell();
        }
        return row;
    }

    /** Word keeps a row with the next paragraph when every paragraph of the row keeps with the next. */
    private static void keepWithNext(XWPFTableRow row) {
        for (XWPFTableCell cell : row.getTableCells()) {
            cell.getParagraphs().forEach(SummaryDocumentWriter::keepNext);
        }
    }

    /** XWPFParagraph.setKeepNext fails on a paragraph without properties, as every new one is. */
    private static void keepNext(XWPFParagraph paragraph) {
        CTP content = paragraph.getCTP();
        (content.isSetPPr() ? content.getPPr() : content.addNewPPr()).addNewKeepNext();
    }

    /** Fixed column widths in the proportions of the workbook, spanning the page between margins. */
    private static void fixLayout(XWPFTable table, List<Integer> widths) {
        CTTblPr properties = table.getCTTbl().getTblPr();
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        properties.getTblW().setType(STTblWidth.DXA);
        properties.getTblW().setW(BigInteger.valueOf(TABLE_WIDTH));
        // Narrow cell margins (3 pt instead of Word's 5.4 pt) leave the text, and the numbers, more room.
        CTTblCellMar margins = properties.addNewTblCellMar();
        margins.addNewLeft().setW(BigInteger.valueOf(CELL_MARGIN));
        margins.getLeft().setType(STTblWidth.DXA);
        margins.addNewRight().setW(BigInteger.valueOf(CELL_MARGIN));
        margins.getRight().setType(STTblWidth.DXA);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int total = widths.stream().mapToInt(Integer::intValue).sum();
        List<String> twips = widths.stream().map(width -> Integer.toString(TABLE_WIDTH * width / total)).toList();
        for (String width : twips) {
            grid.addNewGridCol().setW(new BigInteger(width));
        }
        // The grid fixes the layout; widths on the first row serve Word versions that read the cells.
        XWPFTableRow header = table.getRow(0);
        for (int column = 0; column < twips.size(); column++) {
            header.getCell(column).setWidth(twips.get(column));
        }
    }

    /**
     * Writes text into a cell's first paragraph, a line break for each \n; a hyphen inside a number
     * becomes Word's non-breaking hyphen and a blank inside one a no-break space, so a phone, a date
     * or a reference number never breaks across lines.
     */
    private static void cellText(XWPFTableCell cell, String text, ParagraphAlignment alignment, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        if (bold) {
            run.setBold(true);
        }
        CTR content = run.getCTR();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (index > 0) {
                content.addNewBr();
            }
            appendUnbroken(content, lines[index]);
        }
    }

    private static void appendUnbroken(CTR content, String line) {
        Matcher joint = TableRowXml.NUMBER_JOINT.matcher(line);
        int start = 0;
        while (joint.find()) {
            appendText(content, line.substring(start, joint.start()));
            if (joint.group().equals("-")) {
                content.addNewNoBreakHyphen();
            } else {
                appendText(content, TableRowXml.NO_BREAK_SPACE);
            }
            start = joint.end();
        }
        appendText(content, line.substring(start));
    }

    private static void appendText(CTR content, String text) {
        if (!text.isEmpty()) {
            CTText element = content.addNewT();
            element.setStringValue(text);
            element.setSpace(SpaceAttribute.Space.PRESERVE);
        }
    }

    /** Rows of a table by index from 0, each the values after its 序号; in the 汇总表 the last column (是/否) is centred. */
    private record BodyRows(int count, IntFunction<List<String>> values, boolean centreLast) {

        void writeTo(Writer out) throws IOException {
            if (count == 0) {
                return;
            }
            int columns = values.apply(0).size() + 1;
            boolean[] centred = new boolean[columns];
            centred[0] = true;
            centred[columns - 1] = centreLast;
            StringBuilder xml = new StringBuilder(4096);
            for (int index = 0; index < count; index++) {
                List<String> cells = new ArrayList<>(columns);
                cells.add(Integer.toString(index + 1));
                values.apply(index).forEach(value -> cells.add(CellText.clean(value)));
                TableRowXml.appendRow(xml, cells, centred, index == count - 1);
                out.append(xml);
                xml.setLength(0);
            }
        }
    }

    /**
     * A document whose tables get their body rows when it is saved, written as text into the saved
     * document.xml before each table's end (issue 12: XMLBeans took half a minute over the 21 cities'
     * tables). XMLBeans saves the rest; the rows are the characters it would have written for them.
     */
    private static final class RowsOnSaveDocument extends XWPFDocument {
        private static final String TABLE_END = "</w:tbl>";
        private final List<BodyRows> tables = new ArrayList<>();

        /** The rows of the next table, in the order the tables were created. */
        void addRowsOnSave(BodyRows rows) {
            tables.add(rows);
        }

        @Override
        protected void commit() throws IOException {
            String[] parts = savedSkeleton().split(TABLE_END, -1);
            if (parts.length != tables.size() + 1) {
                throw new IllegalStateException("document.xml has " + (parts.length - 1) + " table ends for " + tables.size() + " tables");
            }
            try (Writer out = new BufferedWriter(new OutputStreamWriter(getPackagePart().getOutputStream(), StandardCharsets.UTF_8))) {
                for (int table = 0; table < tables.size(); table++) {
                    out.write(parts[table]);
                    tables.get(table).writeTo(out);
                    out.write(TABLE_END);
                }
                out.write(parts[tables.size()]);
            }
        }

        /** document.xml as {@link XWPFDocument#commit} saves it, the tables holding only what XWPF built. */
        private String savedSkeleton() throws IOException {
            XmlOptions options = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
            options.setSaveSyntheticDocumentElement(new QName(CTDocument1.type.getName().getNamespaceURI(), "document"));
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            getDocument().save(saved, options);
            return saved.toString(StandardCharsets.UTF_8);
        }
    }
}
