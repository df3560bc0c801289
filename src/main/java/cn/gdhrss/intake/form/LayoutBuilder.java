package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the lines of a {@link Layout} within fixed bounds, because documents are hostile input:
 * a file may hold millions of rows or one cell of megabytes.
 */
final class LayoutBuilder {

    static final int MAX_LINES = 20_000;
    static final int MAX_CELLS_PER_LINE = 200;
    static final int MAX_CELL_CHARS = 100_000;
    static final int MAX_TOTAL_CHARS = 4_000_000;

    private final List<Layout.Line> lines = new ArrayList<>();
    private int totalChars;
    private int tables;

    boolean isFull() {
        return lines.size() >= MAX_LINES || totalChars >= MAX_TOTAL_CHARS;
    }

    void paragraph(String text) {
        String cleaned = bound(FormText.withoutPlaceholders(FormText.clean(text)));
        if (!cleaned.isBlank() && !isFull()) {
            totalChars += cleaned.length();
            lines.add(Layout.Line.paragraph(cleaned));
        }
    }

    /** Starts a new table; rows added afterwards belong to it. */
    void startTable() {
        tables++;
    }

    /** For formats without table markers (RTF): rows after a paragraph begin a new table. */
    void startTableIfNeeded() {
        if (tables == 0 || lines.isEmpty() || lines.get(lines.size() - 1).isParagraph()) {
            startTable();
        }
    }

    void row(List<Layout.Cell> cells) {
        if (isFull()) {
            return;
        }
        List<Layout.Cell> bounded = new ArrayList<>();
        for (Layout.Cell cell : cells.subList(0, Math.min(cells.size(), MAX_CELLS_PER_LINE))) {
            String text = bound(FormText.withoutPlaceholders(FormText.clean(cell.text())));
            totalChars += text.length();
            bounded.add(new Layout.Cell(text, cell.left(), cell.right(), cell.continuation()));
        }
        lines.add(new Layout.Line(bounded, tables - 1));
    }

    /**
     * The tables written inside a cell of the row just added, each as a table of its own after that
     * row (document order), then a fresh table index for the rest of the outer table; the parser
     * reads a nested 用人单位 or 院校 table like any other.
     */
    void nestedTables(List<List<List<Layout.Cell>>> tables) {
        if (tables.isEmpty()) {
            return;
        }
        for (List<List<Layout.Cell>> table : tables) {
            startTable();
            table.forEach(this::row);
        }
        startTable();
    }

    Layout build() {
        return new Layout(lines);
    }

    private static String bound(String text) {
        return text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS) : text;
    }
}
