package cn.gdhrss.intake.form;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSym;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Flattens a .docx (Word, WPS, LibreOffice) into a {@link Layout}; cell positions are grid columns. */
final class DocxLayoutReader {

    /** Nested tables deeper than this are read as text only. */
    private static final int MAX_NESTING = 3;

    Layout read(XWPFDocument document) {
        LayoutBuilder builder = new LayoutBuilder();
        for (IBodyElement element : document.getBodyElements()) {
            if (builder.isFull()) {
                break;
            }
            if (element instanceof XWPFParagraph paragraph) {
                builder.paragraph(text(paragraph));
            } else if (element instanceof XWPFTable table) {
                table(table, builder);
            } else if (element instanceof XWPFSDT sdt) {
                builder.paragraph(sdt.getContent().getText());
            }
        }
        return builder.build();
    }

    private void table(XWPFTable table, LayoutBuilder builder) {
        builder.startTable();
        for (XWPFTableRow row : table.getRows()) {
            if (builder.isFull()) {
                return;
            }
            builder.row(cells(row));
        }
    }

    private List<Layout.Cell> cells(XWPFTableRow row) {
        List<Layout.Cell> cells = new ArrayList<>();
        int column = gridBefore(row);
        for (ICell cell : row.getTableICells()) {
            if (cell instanceof XWPFTableCell tableCell) {
                int span = span(tableCell);
                cells.add(new Layout.Cell(text(tableCell, 0), column, column + span, isContinuation(tableCell)));
                column += span;
            } else if (cell instanceof XWPFSDTCell sdtCell) {
                cells.add(new Layout.Cell(sdtCell.getContent().getText(), column, column + 1, false));
                column++;
            }
        }
        return cells;
    }

    private static int gridBefore(XWPFTableRow row) {
        CTTrPr properties = row.getCtRow().getTrPr();
        if (properties == null || properties.sizeOfGridBeforeArray() == 0) {
            return 0;
        }
        BigInteger before = properties.getGridBeforeArray(0).getVal();
        return before == null ? 0 : Math.min(before.intValue(), 1000);
    }

    private static int span(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        if (properties == null || properties.getGridSpan() == null || properties.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, Math.min(properties.getGridSpan().getVal().intValue(), 1000));
    }

    private static boolean isContinuation(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        if (properties == null || properties.getVMerge() == null) {
            return false;
        }
        return properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE;
    }

    private String text(XWPFTableCell cell, int depth) {
        List<String> parts = new ArrayList<>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                parts.add(text(paragraph));
            } else if (element instanceof XWPFTable nested && depth < MAX_NESTING) {
                parts.add(nestedText(nested, depth + 1));
            } else if (element instanceof XWPFSDT sdt) {
                parts.add(sdt.getContent().getText());
            }
        }
        return String.join("\n", parts);
    }

    private String nestedText(XWPFTable table, int depth) {
        List<String> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(text(cell, depth));
            }
            rows.add(String.join(" ", cells));
        }
        return String.join("\n", rows);
    }

    /**
     * The paragraph's visible text. Not {@link XWPFParagraph#getText()}: that appends
     * "[footnoteRef:n]" markers, and it drops symbol characters (w:sym), which is how Word inserts a
     * Wingdings tick or box into 申报类别.
     */
    static String text(XWPFParagraph paragraph) {
        StringBuilder text = new StringBuilder();
        for (IRunElement element : paragraph.getIRuns()) {
            if (element instanceof XWPFRun run) {
                if (!run.getCTR().isSetRsidDel()) {
                    text.append(symbols(run)).append(run.text());
                }
            } else if (element instanceof XWPFSDT sdt) {
                text.append(sdt.getContent().getText());
            }
        }
        return text.toString();
    }

    private static String symbols(XWPFRun run) {
        StringBuilder marks = new StringBuilder();
        for (CTSym symbol : run.getCTR().getSymList()) {
            marks.append(SymbolMarks.mark(symbol.getChar()));
        }
        return marks.toString();
    }
}
