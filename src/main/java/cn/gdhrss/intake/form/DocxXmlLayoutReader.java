package cn.gdhrss.intake.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * Streams WordprocessingML into a {@link Layout} without building POI's object model, which costs
 * most of the time of reading a form. Reads the transitional and the Strict namespace of a .docx
 * and Word 2003 XML ({@code w:wordDocument}, which WPS and Word save as "Word 2003 XML" under a
 * .doc name): the element names are the same. What a reader of the printed form sees (issue 13):
 * the accepted view of tracked changes (insertions in; deletions and move-from out), content
 * controls showing their placeholder as empty, text boxes and nested tables in document order,
 * ticks from symbol fonts (w:sym, a letter in a Wingdings run or style, a U+F0xx character) and
 * legacy form check boxes (FORMCHECKBOX) as marks; field instructions
 * and alternate renderings left out. Call {@link #read} once per part (page headers first, then
 * the body), then {@link #build}.
 */
final class DocxXmlLayoutReader {

    private static final String WORD_2003 = "http://schemas.microsoft.com/office/word/2003/wordml";
    private static final Set<String> W = Set.of(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main",
            "http://schemas.microsoft.com/office/word/2003/wordml");
    /** POI's factory: DTDs and external entities off (XXE, billion laughs). */
    private static final XMLInputFactory FACTORY = XMLHelper.newXMLInputFactory();
    /** A form is some 20,000 XML events; past this the part is a bomb and reading stops. */
    private static final int MAX_EVENTS = 5_000_000;
    private static final int MAX_PARAGRAPHS_PER_CELL = 5_000;
    private static final int MAX_DEPTH = 8;
    /** Fonts whose letters are pictures: a "R" in Wingdings 2 is a ticked box. */
    private static final List<String> SYMBOL_FONTS = List.of("wingdings", "webdings", "symbol");
    static final String CHECKED_BOX = "☑";
    static final String EMPTY_BOX = "☐";

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
    private String style;
    private final Set<String> symbolStyles = new java.util.HashSet<>();
    /** Inside a legacy form check box (w:ffData/w:checkBox): its default and its state when set. */
    private boolean inCheckBox;
    private boolean checkBoxDefault;
    private Boolean checkBoxChecked;
    private boolean word2003;
    private int events;

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

    /** Reads the main part of a .docx or a Word 2003 XML file; the caller owns the stream. */
    Layout read(InputStream documentXml) throws IOException {
        readPart(documentXml);
        return build();
    }

    /** Adds one part (a page header, the body) to the layout; the caller owns the stream. */
    void readPart(InputStream partXml) throws IOException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(partXml);
            try {
                while (reader.hasNext() && !builder.isFull() && events++ < MAX_EVENTS) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        start(reader);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        end(reader.getLocalName(), reader.getNamespaceURI());
                    } else if (event == XMLStreamConstants.CHARACTERS && inText && skipDepth == 0
                            && paragraph.length() < LayoutBuilder.MAX_CELL_CHARS) {
                        paragraph.append(symbolFont ? symbolText(reader.getText()) : SymbolMarks.inText(reader.getText()));
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable WordprocessingML part: " + e.getMessage(), e);
        }
    }

    Layout build() {
        return builder.build();
    }

    private void start(XMLStreamReader reader) {
        String name = reader.getLocalName();
        if (skipDepth > 0 || isSkipped(reader.getNamespaceURI(), name)) {
            skipDepth++;
            return;
        }
        if (!W.contains(reader.getNamespaceURI())) {
            return;
        }
        word2003 = word2003 || WORD_2003.equals(reader.getNamespaceURI());
        switch (name) {
            case "t" -> inText = true;
            case "gridCol" -> countGridColumn();
            case "gridAfter" -> setGridAfter();
            case "r" -> startRun();
            case "rFonts" -> setFont(reader);
            case "style" -> style = attribute(reader, "styleId");
            case "rStyle" -> symbolFont = symbolFont || inRun && symbolStyles.contains(attribute(reader, "val"));
            case "tab" -> paragraph.append('\t');
            case "br", "cr" -> paragraph.append('\n');
            case "sym" -> paragraph.append(symbol(attribute(reader, "char")));
            case "showingPlcHdr" -> placeholder = true;
            case "sdtContent" -> startSdtContent();
            case "txbxContent" -> startTextBox();
            case "tbl" -> startTable();
            case "tc" -> startCell();
            case "gridSpan" -> setSpan(attribute(reader, "val"));
            case "vMerge", "vmerge" -> setContinuation(attribute(reader, "val"));
            case "gridBefore" -> setGridBefore(attribute(reader, "val"));
            case "checkBox" -> startCheckBox();
            case "default" -> checkBoxDefault = inCheckBox ? isOn(attribute(reader, "val")) : checkBoxDefault;
            case "checked" -> checkBoxChecked = inCheckBox ? isOn(attribute(reader, "val")) : checkBoxChecked;
            default -> { }
        }
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
            paragraph.append(checked ? CHECKED_BOX : EMPTY_BOX);
        }
    }

    /** An OOXML on/off property: absent value means on. */
    private static boolean isOn(String value) {
        return value == null || value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on");
    }

    /** Word 2003 XML and some writers leave the attributes unqualified. */
    private static String attribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (name.equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * Alternate renderings, deleted and moved-away runs, field codes are not what the reader sees.
     * Not txbxContent: a text box holds the cover's 申报单位 as often as not.
     */
    private static boolean isSkipped(String namespace, String name) {
        if ("Fallback".equals(name)) {
            return true;
        }
        return W.contains(namespace) && ("del".equals(name) || "moveFrom".equals(name) || "instrText".equals(name)
                || "delText".equals(name) || "delInstrText".equals(name));
    }

    private void end(String name, String namespace) {
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (!W.contains(namespace)) {
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

    private void startRun() {
        inRun = true;
        symbolFont = false;
    }

    private void setFont(XMLStreamReader reader) {
        if (!inRun && style == null) {
            return;
        }
        for (String attribute : List.of("ascii", "hAnsi", "h-ansi", "eastAsia", "fareast", "cs")) {
            String font = attribute(reader, attribute);
            if (font != null && isSymbolFont(font)) {
                if (inRun) {
                    symbolFont = true;
                } else if (symbolStyles.size() < MAX_PARAGRAPHS_PER_CELL) {
                    symbolStyles.add(style);
                }
                return;
            }
        }
    }

    static boolean isSymbolFont(String font) {
        String lower = font.toLowerCase(Locale.ROOT);
        return SYMBOL_FONTS.stream().anyMatch(lower::startsWith);
    }

    /** The letters of a symbol-font run as marks: each stands for a picture in the font. */
    static String symbolText(String text) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                marks.append(c);
            } else {
                marks.append(SymbolMarks.mark(c < '\u0100' ? (char) ('\uF000' + c) : c));
            }
        }
        return marks.toString();
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

    private void setSpan(String value) {
        TableState table = tables.peek();
        if (table != null) {
            table.span = Math.max(1, Math.min(parse(value, 1), 1000));
        }
    }

    private void setContinuation(String value) {
        TableState table = tables.peek();
        if (table != null) {
            table.continuation = value == null || "continue".equals(value);
        }
    }

    private void setGridBefore(String value) {
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

    private static String symbol(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 8) {
            return "";
        }
        try {
            return SymbolMarks.mark((char) Integer.parseInt(hex.length() == 2 ? "F0" + hex : hex, 16));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static int parse(String value, int fallback) {
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
