package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.FFData;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.HeaderStories;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.util.LittleEndian;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flattens a Word 97-2003 binary (.doc, and the .wps that WPS writes in the same format) into a
 * {@link Layout}; cell positions are the cells' edges in twips. As in {@link DocxXmlLayoutReader}:
 * the page header and the text boxes come before the body (the cover's 申报单位 and 填写时间 are
 * sometimes typed there), text deleted with tracked changes is left out, ticks from symbol fonts and
 * legacy form check boxes become marks, and a table nested in a cell becomes a table of its own
 * after the row. One reader per document.
 */
final class DocLayoutReader {
    private static final Logger LOG = LoggerFactory.getLogger(DocLayoutReader.class);
    /** Deeper tables are read as rows of the one above; a hostile file may nest without end. */
    private static final int MAX_NESTING = 8;

    /** FFData header before a form field's data: lcb (4 bytes) and cbHeader (2 bytes, 0x44). */
    private static final int FFDATA_HEADER = 0x44;
    private static final int CHECK_BOX_TYPE = 1;
    private static final int CHECKED = 1;
    private static final int UNDEFINED_STATE = 25;

    /** The Data stream, where the state of each legacy form check box is stored. */
    private byte[] data = new byte[0];

    Layout read(HWPFDocument document) {
        data = document.getDataStream() == null ? new byte[0] : document.getDataStream();
        LayoutBuilder builder = new LayoutBuilder();
        for (Range story : coverStories(document)) {
            try {
                range(story, builder);
            } catch (RuntimeException e) {
                // A broken header or text box must not cost the form in the body.
                LOG.debug("Header or text box of a .doc unreadable", e);
            }
        }
        range(document.getRange(), builder);
        return builder.build();
    }

    /** The first page's header (or the odd pages' one) and the text boxes of the body. */
    private static List<Range> coverStories(HWPFDocument document) {
        List<Range> stories = new ArrayList<>();
        try {
            HeaderStories headers = new HeaderStories(document);
            Range first = headers.getFirstHeaderSubrange();
            Range odd = headers.getOddHeaderSubrange();
            if (first != null && !first.text().isBlank()) {
                stories.add(first);
            } else if (odd != null) {
                stories.add(odd);
            }
        } catch (RuntimeException e) {
            LOG.debug("Headers of a .doc unreadable", e);
        }
        try {
            Range boxes = document.getMainTextboxRange();
            if (boxes != null) {
                stories.add(boxes);
            }
        } catch (RuntimeException e) {
            LOG.debug("Text boxes of a .doc unreadable", e);
        }
        return stories;
    }

    private void range(Range range, LayoutBuilder builder) {
        int count = range.numParagraphs();
        int index = 0;
        while (index < count && !builder.isFull()) {
            Paragraph paragraph = range.getParagraph(index);
            if (paragraph.isInTable()) {
                Table table = range.getTable(paragraph);
                table(table, builder);
                index += Math.max(1, table.numParagraphs());
            } else {
                builder.paragraph(text(paragraph));
                index++;
            }
        }
    }

    private void table(Table table, LayoutBuilder builder) {
        builder.startTable();
        for (int r = 0; r < table.numRows() && !builder.isFull(); r++) {
            List<List<List<Layout.Cell>>> nested = new ArrayList<>();
            builder.row(row(table.getRow(r), table.getTableLevel(), nested));
            builder.nestedTables(nested);
        }
    }

    /** The cells of one row; the rows of tables nested in its cells go to {@code nested}, one list a table. */
    private List<Layout.Cell> row(TableRow row, int level, List<List<List<Layout.Cell>>> nested) {
        List<Layout.Cell> cells = new ArrayList<>();
        for (int c = 0; c < row.numCells(); c++) {
            TableCell cell = row.getCell(c);
            boolean continuation = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
            cells.add(new Layout.Cell(cellText(cell, level, nested), cell.getLeftEdge(),
                    cell.getLeftEdge() + Math.max(1, cell.getWidth()), continuation));
        }
        return cells;
    }

    private String cellText(TableCell cell, int level, List<List<List<Layout.Cell>>> nested) {
        List<String> paragraphs = new ArrayList<>();
        int p = 0;
        while (p < cell.numParagraphs()) {
            Paragraph paragraph = cell.getParagraph(p);
            Table inner = paragraph.getTableLevel() > level && level < MAX_NESTING ? nestedTable(cell, paragraph) : null;
            if (inner != null) {
                nested.add(rows(inner));
                p += Math.max(1, inner.numParagraphs());
            } else {
                paragraphs.add(text(paragraph));
                p++;
            }
        }
        return String.join("\n", paragraphs);
    }

    /** The table nested in a cell from its first paragraph; null when HWPF cannot delimit it (read as text). */
    private static Table nestedTable(TableCell cell, Paragraph first) {
        try {
            return cell.getTable(first);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A nested table's rows; tables nested deeper still are read as rows of it, after their row. */
    private List<List<Layout.Cell>> rows(Table table) {
        List<List<Layout.Cell>> rows = new ArrayList<>();
        for (int r = 0; r < table.numRows() && rows.size() < LayoutBuilder.MAX_LINES; r++) {
            List<List<List<Layout.Cell>>> deeper = new ArrayList<>();
            rows.add(row(table.getRow(r), table.getTableLevel(), deeper));
            deeper.forEach(rows::addAll);
        }
        return rows;
    }

    /**
     * What Word shows of a paragraph: runs deleted with tracked changes left out (moved-from text
     * included), a symbol inserted from Wingdings (stored as a character code with its font) or a
     * letter typed in a symbol font turned into a mark, field instructions dropped (results kept).
     */
    private String text(Paragraph paragraph) {
        StringBuilder visible = new StringBuilder();
        String checkBox = "";
        for (int i = 0; i < paragraph.numCharacterRuns(); i++) {
            CharacterRun run = paragraph.getCharacterRun(i);
            if (run.isMarkedDeleted()) {
                continue;
            }
            String text = run.text();
            if (run.isSymbol()) {
                visible.append(SymbolMarks.mark(run.getSymbolCharacter()));
            } else if (isSymbolFont(run)) {
                visible.append(DocxXmlLayoutReader.symbolText(text));
            } else {
                if (run.isData() && text.equals("\u0001") && isCheckBoxInstruction(visible)) {
                    checkBox = checkBoxMark(run.getPicOffset());
                }
                visible.append(text);
            }
            // The field's instruction is stripped below: its mark goes after the field's end.
            if (!checkBox.isEmpty() && text.indexOf('\u0015') >= 0) {
                visible.append(checkBox);
                checkBox = "";
            }
        }
        return text(visible.toString());
    }

    private static boolean isCheckBoxInstruction(StringBuilder visible) {
        int start = visible.lastIndexOf("\u0013");
        return start >= 0 && visible.indexOf("FORMCHECKBOX", start) >= 0;
    }

    /**
     * A legacy form check box (FORMCHECKBOX) has no text: Word draws its state, kept in the FFData
     * structure of the Data stream ([MS-DOC] 2.9.78): type 1 is a check box, iRes 1 checked, 25
     * "as the default" (wDef). "" when the structure is not there.
     */
    private String checkBoxMark(int offset) {
        try {
            if (offset < 0 || offset + 6 > data.length || LittleEndian.getUShort(data, offset + 4) != FFDATA_HEADER) {
                return "";
            }
            int ffData = offset + FFDATA_HEADER;
            int bits = LittleEndian.getUShort(data, ffData + 4);
            if ((bits & 0x3) != CHECK_BOX_TYPE) {
                return "";
            }
            int state = (bits >> 2) & 0x1F;
            boolean checked = state == CHECKED
                    || (state == UNDEFINED_STATE && new FFData(data, ffData).getDefaultDropDownItemIndex() == CHECKED);
            return checked ? DocxXmlLayoutReader.CHECKED_BOX : DocxXmlLayoutReader.EMPTY_BOX;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean isSymbolFont(CharacterRun run) {
        String font = run.getFontName();
        return font != null && DocxXmlLayoutReader.isSymbolFont(font);
    }

    /**
     * Visible text of a .doc range: field instructions dropped (their results kept), cell and
     * paragraph marks removed, Wingdings symbols (U+F0xx) turned into marks.
     */
    static String text(String raw) {
        String cleaned = SymbolMarks.inText(Range.stripFields(raw)).replace("\u0007", "");
        while (cleaned.endsWith("\r") || cleaned.endsWith("\n")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }
}
