package cn.gdhrss.intake.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * Streams word/document.xml into a {@link Layout} without building POI's object model, which costs
 * most of the time of reading a form. Same result as {@link DocxLayoutReader}: paragraphs outside
 * tables, rows with grid positions and vertical-merge continuations, symbols (w:sym) as marks;
 * deleted text, field instructions, footnote references and text boxes left out.
 */
final class DocxXmlLayoutReader {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** POI's factory: DTDs and external entities off (XXE, billion laughs). */
    private static final XMLInputFactory FACTORY = XMLHelper.newXMLInputFactory();
    /** A form is some 20,000 XML events; past this the part is a bomb and reading stops. */
    private static final int MAX_EVENTS = 5_000_000;
    private static final int MAX_PARAGRAPHS_PER_CELL = 5_000;

    private final LayoutBuilder builder = new LayoutBuilder();
    private final Deque<TableState> tables = new ArrayDeque<>();
    private final StringBuilder paragraph = new StringBuilder();
    private final List<String> cellParagraphs = new ArrayList<>();
    private int skipDepth;
    private boolean inText;

    /** One open table: its current row and cell. Nested tables are flattened into their cell's text. */
    private static final class TableState {
        final List<Layout.Cell> row = new ArrayList<>();
        int column;
        int span = 1;
        boolean continuation;
        /** The paragraphs of the enclosing cell written before this (nested) table. */
        List<String> outerCell = List.of();
        /** The rows of this table as text, when it is nested in a cell. */
        final List<String> nestedRows = new ArrayList<>();
    }

    /** Reads the main part of a .docx; the caller owns the stream. */
    Layout read(InputStream documentXml) throws IOException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(documentXml);
            try {
                int events = 0;
                while (reader.hasNext() && !builder.isFull() && events++ < MAX_EVENTS) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        start(reader);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        end(reader.getLocalName(), reader.getNamespaceURI());
                    } else if (event == XMLStreamConstants.CHARACTERS && inText && skipDepth == 0
                            && paragraph.length() < LayoutBuilder.MAX_CELL_CHARS) {
                        paragraph.append(reader.getText());
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable word/document.xml: " + e.getMessage(), e);
        }
        return builder.build();
    }

    private void start(XMLStreamReader reader) {
        String name = reader.getLocalName();
        if (skipDepth > 0 || isSkipped(reader.getNamespaceURI(), name)) {
            skipDepth++;
            return;
        }
        if (!W.equals(reader.getNamespaceURI())) {
            return;
        }
        switch (name) {
            case "t" -> inText = true;
            case "tab" -> paragraph.append('\t');
            case "br", "cr" -> paragraph.append('\n');
            case "sym" -> paragraph.append(symbol(reader.getAttributeValue(W, "char")));
            case "tbl" -> startTable();
            case "tc" -> startCell();
            case "gridSpan" -> setSpan(reader.getAttributeValue(W, "val"));
            case "vMerge" -> setContinuation(reader.getAttributeValue(W, "val"));
            case "gridBefore" -> setGridBefore(reader.getAttributeValue(W, "val"));
            default -> { }
        }
    }

    /** Text boxes, alternate renderings, deleted runs and field codes are not what the reader sees. */
    private static boolean isSkipped(String namespace, String name) {
        if ("Fallback".equals(name)) {
            return true;
        }
        return W.equals(namespace) && ("txbxContent".equals(name) || "del".equals(name) || "instrText".equals(name)
                || "delText".equals(name));
    }

    private void end(String name, String namespace) {
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (!W.equals(namespace)) {
            return;
        }
        switch (name) {
            case "t" -> inText = false;
            case "p" -> endParagraph();
            case "tc" -> endCell();
            case "tr" -> endRow();
            case "tbl" -> endTable();
            default -> { }
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

    private void endRow() {
        TableState table = tables.peek();
        if (table == null) {
            return;
        }
        if (tables.size() == 1) {
            builder.row(table.row);
        } else {
            if (table.nestedRows.size() < MAX_PARAGRAPHS_PER_CELL) {
                table.nestedRows.add(String.join(" ", table.row.stream().map(Layout.Cell::text).toList()));
            }
        }
        table.row.clear();
        table.column = 0;
    }

    private void endTable() {
        TableState table = tables.pop();
        if (!tables.isEmpty()) {
            cellParagraphs.clear();
            cellParagraphs.addAll(table.outerCell);
            cellParagraphs.addAll(table.nestedRows);
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
