package cn.gdhrss.intake.form;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a reader of the printed form sees in the XML events of WordprocessingML parts, collected
 * into a {@link Layout}: the half of {@link DocxXmlLayoutReader} that does not parse. Both of its
 * parsers, the JDK's StAX reader and {@link WordXmlScanner}, feed it the same events, so the two
 * give the same layout.
 */
final class DocxLayoutEvents {

    /** Namespaces as the events carry them: any other, WordprocessingML (transitional or Strict), Word 2003 XML. */
    static final int OTHER = 0;
    static final int WORD = 1;
    static final int WORD_2003 = 2;

    private static final int MAX_PARAGRAPHS_PER_CELL = 5_000;
    private static final int MAX_DEPTH = 8;
    private static final List<String> FONT_ATTRIBUTES = List.of("ascii", "hAnsi", "h-ansi", "eastAsia", "fareast", "cs");

    /** The attributes of one start tag, by local name whatever their namespace. */
    interface Attributes {
        /** The first attribute of that local name, in document order; null when there is none. */
        @Nullable String value(String localName);
    }

    private final LayoutBuilder builder = new LayoutBuilder();
    private final Deque<TableState> tables = new ArrayDeque<>();
    private final Deque<StringBuilder> textBoxes = new ArrayDeque<>();
    private StringBuilder paragraph = new StringBuilder();
    private final List<String> cellParagraphs = new ArrayList<>();
    private int skipDepth;
    private boolean inText;
    private boolean inRun;
    private boolean symbolFont;
    private boolean placeholder;
    /** The style being defined (Word 2003 XML has its styles in the same file) and those in a symbol font. */
    private @Nullable String style;
    private final Set<String> symbolStyles = new HashSet<>();
    /** Inside a legacy form check box (w:ffData/w:checkBox): its default and its state when set. */
    private boolean inCheckBox;
    private boolean checkBoxDefault;
    private @Nullable Boolean checkBoxChecked;
    private boolean word2003;

    /** One open table: its current row and cell, and the tables nested in the row's cells. */
    private static final class TableState {
        final List<Layout.Cell> row = new ArrayList<>();
        int column;
        int span = 1;
        boolean continuation;
        int gridColumns;
        boolean gridAfter;
        final ShortRows shortRows = new ShortRows();
        /** The paragraphs of the enclosing cell written before this (nested) table. */
        List<String> outerCell = List.of();
        /** The rows of this table, when it is nested in a cell. */
        final List<List<Layout.Cell>> rows = new ArrayList<>();
        /** Tables nested in the cells of the current row, emitted after it. */
        final List<List<List<Layout.Cell>>> nested = new ArrayList<>();
    }

    static int namespaceOf(@Nullable String uri) {
        if (uri == null) {
            return OTHER;
        }
        return switch (uri) {
            case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "http://purl.oclc.org/ooxml/wordprocessingml/main" -> WORD;
            case "http://schemas.microsoft.com/office/word/2003/wordml" -> WORD_2003;
            default -> OTHER;
        };
    }

    /** The reading stops here: the layout holds as much as a form may. */
    boolean isFull() {
        return builder.isFull();
    }

    /** Character data is kept only inside a shown w:t, and only up to a cell's bound. */
    boolean wantsText() {
        return inText && skipDepth == 0 && paragraph.length() < LayoutBuilder.MAX_CELL_CHARS;
    }

    /** Length of the paragraph being read: past {@link LayoutBuilder#MAX_CELL_CHARS} further text is dropped. */
    int paragraphLength() {
        return paragraph.length();
    }

    /** Character data of a w:t, when {@link #wantsText()}. */
    void text(String text) {
        paragraph.append(symbolFont ? DocxXmlLayoutReader.symbolText(text) : SymbolMarks.inText(text));
    }

    Layout build() {
        return builder.build();
    }

    void start(int namespace, String name, Attributes attributes) {
        if (skipDepth > 0 || isSkipped(namespace, name)) {
            skipDepth++;
            return;
        }
        if (namespace == OTHER) {
            return;
        }
        word2003 = word2003 || namespace == WORD_2003;
        switch (name) {
            case "t" -> inText = true;
            case "gridCol" -> countGridColumn();
            case "gridAfter" -> setGridAfter();
            case "r" -> startRun();
            case "rFonts" -> setFont(attributes);
            case "style" -> style = attributes.value("styleId");
            case "rStyle" -> symbolFont = symbolFont || inRun && symbolStyles.contains(attributes.value("val"));
            case "tab" -> paragraph.append('\t');
            case "br", "cr" -> paragraph.append('\n');
            case "sym" -> paragraph.append(symbol(attributes.value("char")));
            case "showingPlcHdr" -> placeholder = true;
            case "sdtContent" -> startSdtContent();
            case "txbxContent" -> startTextBox();
            case "tbl" -> startTable();
            case "tc" -> startCell();
            case "gridSpan" -> setSpan(attributes.value("val"));
            case "vMerge", "vmerge" -> setContinuation(attributes.value("val"));
            case "gridBefore" -> setGridBefore(attributes.value("val"));
            case "checkBox" -> startCheckBox();
            case "default" -> checkBoxDefault = inCheckBox ? isOn(attributes.value("val")) : checkBoxDefault;
            case "checked" -> checkBoxChecked = inCheckBox ? isOn(attributes.value("val")) : checkBoxChecked;
            default -> { }
        }
    }

    void end(int namespace, String name) {
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (namespace == OTHER) {
            return;
        }
        switch (name) {
            case "t" -> inText = false;
            case "r" -> inRun = false;
            case "p" -> endParagraph();
            case "sdt" -> placeholder = false;
            case "txbxContent" -> endTextBox();
            case "tc" -> endCell();
            case "tr" -> endRow();
            case "tbl" -> endTable();
            case "checkBox" -> endCheckBox();
            case "style" -> style = null;
            default -> { }
        }
    }

    /**
     * Alternate renderings, deleted and moved-away runs, field codes are not what the reader sees.
     * Not txbxContent: a text box holds the cover's 申报单位 as often as not.
     */
    private static boolean isSkipped(int namespace, String name) {
        return switch (name) {
            case "Fallback" -> true;
            case "del", "moveFrom", "instrText", "delText", "delInstrText" -> namespace != OTHER;
            default -> false;
        };
    }

    private void startCheckBox() {
        inCheckBox = true;
        checkBoxDefault = false;
        checkBoxChecked = null;
    }

    /** A legacy form check box (FORMCHECKBOX) shows no text: its state becomes the mark Word draws. */
    private void endCheckBox() {
        if (inCheckBox) {
            inCheckBox = false;
            boolean checked = checkBoxChecked != null ? checkBoxChecked : checkBoxDefault;
            paragraph.append(checked ? DocxXmlLayoutReader.CHECKED_BOX : DocxXmlLayoutReader.EMPTY_BOX);
        }
    }

    /** An OOXML on/off property: absent value means on. */
    private static boolean isOn(@Nullable String value) {
        return value == null || value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on");
    }

    private void startRun() {
        inRun = true;
        symbolFont = false;
    }

    private void setFont(Attributes attributes) {
        if (!inRun && style == null) {
            return;
        }
        for (String attribute : FONT_ATTRIBUTES) {
            String font = attributes.value(attribute);
            if (font != null && DocxXmlLayoutReader.isSymbolFont(font)) {
                if (inRun) {
                    symbolFont = true;
                } else if (symbolStyles.size() < MAX_PARAGRAPHS_PER_CELL) {
                    symbolStyles.add(style);
                }
                return;
            }
        }
    }

    /** A content control still showing its placeholder ("单击或点击此处输入文字。") holds nothing. */
    private void startSdtContent() {
        if (placeholder) {
            placeholder = false;
            skipDepth = 1;
        }
    }

    /** The text box's paragraphs come before the paragraph that anchors it. */
    private void startTextBox() {
        if (textBoxes.size() >= MAX_DEPTH) {
            skipDepth = 1;
            return;
        }
        textBoxes.push(paragraph);
        paragraph = new StringBuilder();
        inText = false;
    }

    private void endTextBox() {
        if (!textBoxes.isEmpty()) {
            paragraph = textBoxes.pop();
        }
    }

    private void endParagraph() {
        String text = paragraph.toString();
        paragraph.setLength(0);
        if (tables.isEmpty()) {
            builder.paragraph(text);
        } else if (cellParagraphs.size() < MAX_PARAGRAPHS_PER_CELL) {
            cellParagraphs.add(text);
        }
    }

    private void startTable() {
        if (tables.size() >= MAX_DEPTH) {
            skipDepth = 1;
            return;
        }
        TableState table = new TableState();
        if (tables.isEmpty()) {
            builder.startTable();
        } else {
            table.outerCell = List.copyOf(cellParagraphs);
            cellParagraphs.clear();
        }
        tables.push(table);
    }

    private void startCell() {
        TableState table = tables.peek();
        if (table != null) {
            table.span = 1;
            table.continuation = false;
            cellParagraphs.clear();
        }
    }

    private void setSpan(@Nullable String value) {
        TableState table = tables.peek();
        if (table != null) {
            table.span = Math.max(1, Math.min(parse(value, 1), 1000));
        }
    }

    private void setContinuation(@Nullable String value) {
        TableState table = tables.peek();
        if (table != null) {
            table.continuation = value == null || "continue".equals(value);
        }
    }

    private void setGridBefore(@Nullable String value) {
        TableState table = tables.peek();
        if (table != null) {
            table.column = Math.max(0, Math.min(parse(value, 0), 1000));
        }
    }

    private void endCell() {
        TableState table = tables.peek();
        if (table == null) {
            return;
        }
        String text = String.join("\n", cellParagraphs);
        cellParagraphs.clear();
        if (table.row.size() < LayoutBuilder.MAX_CELLS_PER_LINE) {
            table.row.add(new Layout.Cell(text, table.column, table.column + table.span, table.continuation));
        }
        table.column += table.span;
    }

    private void countGridColumn() {
        TableState table = tables.peek();
        if (table != null) {
            table.gridColumns++;
        }
    }

    private void setGridAfter() {
        TableState table = tables.peek();
        if (table != null) {
            table.gridAfter = true;
        }
    }

    private void endRow() {
        TableState table = tables.peek();
        if (table == null) {
            return;
        }
        List<Layout.Cell> row = word2003 && !table.gridAfter
                ? table.shortRows.align(List.copyOf(table.row), table.column, table.gridColumns)
                : List.copyOf(table.row);
        table.gridAfter = false;
        if (tables.size() == 1) {
            builder.row(row);
            builder.nestedTables(table.nested);
        } else if (table.rows.size() < LayoutBuilder.MAX_LINES) {
            table.rows.add(row);
            table.rows.addAll(flatten(table.nested));
        }
        table.nested.clear();
        table.row.clear();
        table.column = 0;
    }

    /** Tables nested two levels deep are read as rows of the table one level up. */
    private static List<List<Layout.Cell>> flatten(List<List<List<Layout.Cell>>> nested) {
        List<List<Layout.Cell>> rows = new ArrayList<>();
        nested.forEach(rows::addAll);
        return rows;
    }

    private void endTable() {
        TableState table = tables.pop();
        TableState outer = tables.peek();
        if (outer != null) {
            cellParagraphs.clear();
            cellParagraphs.addAll(table.outerCell);
            if (outer.nested.size() < MAX_PARAGRAPHS_PER_CELL) {
                outer.nested.add(List.copyOf(table.rows));
            }
        }
    }

    private static String symbol(@Nullable String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 8) {
            return "";
        }
        try {
            return SymbolMarks.mark((char) Integer.parseInt(hex.length() == 2 ? "F0" + hex : hex, 16));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static int parse(@Nullable String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
