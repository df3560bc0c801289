package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Flattens a Word 97-2003 binary (.doc, and the .wps that WPS writes in the same format) into a
 * {@link Layout}; cell positions are the cells' edges in twips.
 */
final class DocLayoutReader {

    Layout read(HWPFDocument document) {
        LayoutBuilder builder = new LayoutBuilder();
        Range range = document.getRange();
        int count = range.numParagraphs();
        int index = 0;
        while (index < count && !builder.isFull()) {
            Paragraph paragraph = range.getParagraph(index);
            if (paragraph.isInTable()) {
                Table table = range.getTable(paragraph);
                table(table, builder);
                index += Math.max(1, table.numParagraphs());
            } else {
                builder.paragraph(text(paragraph.text()));
                index++;
            }
        }
        return builder.build();
    }

    private static void table(Table table, LayoutBuilder builder) {
        builder.startTable();
        for (int r = 0; r < table.numRows() && !builder.isFull(); r++) {
            TableRow row = table.getRow(r);
            List<Layout.Cell> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                boolean continuation = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
                cells.add(new Layout.Cell(cellText(cell), cell.getLeftEdge(),
                        cell.getLeftEdge() + Math.max(1, cell.getWidth()), continuation));
            }
            builder.row(cells);
        }
    }

    private static String cellText(TableCell cell) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < cell.numParagraphs(); p++) {
            paragraphs.add(text(cell.getParagraph(p).text()));
        }
        return String.join("\n", paragraphs);
    }

    /**
     * Visible text of a .doc range: field instructions dropped (their results kept), cell and
     * paragraph marks removed, Wingdings symbols (U+F0xx) turned into marks.
     */
    static String text(String raw) {
        String text = Range.stripFields(raw);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uF000' && c <= '\uF0FF') {
                out.append(SymbolMarks.mark(c));
            } else if (c == '\u0007') {
                continue;
            } else {
                out.append(c);
            }
        }
        String cleaned = out.toString();
        while (cleaned.endsWith("\r") || cleaned.endsWith("\n")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }
}
