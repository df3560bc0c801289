package cn.gdhrss.intake.form;

import java.util.List;

/**
 * A document flattened to lines: a paragraph outside any table is a line of one cell, a table row
 * is a line of its cells. Readers of both forms work on this, so .docx, .doc and spreadsheets share
 * one label-driven parser.
 */
record Layout(List<Line> lines) {

    /** Every cell to its right; paragraphs span the whole width. */
    static final int FULL_WIDTH = Integer.MAX_VALUE;

    Layout {
        lines = List.copyOf(lines);
    }

    /**
     * @param table index of the table the row belongs to, -1 for a paragraph outside tables
     */
    record Line(List<Cell> cells, int table) {
        Line {
            cells = List.copyOf(cells);
        }

        boolean isParagraph() {
            return table < 0;
        }

        static Line paragraph(String text) {
            return new Line(List.of(new Cell(text, 0, FULL_WIDTH, false)), -1);
        }

        /** The cells that carry their own content (not the lower parts of a vertical merge). */
        List<Cell> ownCells() {
            return cells.stream().filter(cell -> !cell.continuation()).toList();
        }

        String joined(String separator) {
            return String.join(separator, cells.stream().map(Cell::text).toList());
        }
    }

    /**
     * @param left position of the cell's left edge, in a unit shared by the rows of one table
     *     (grid columns in .docx and spreadsheets, twips in .doc)
     * @param continuation the cell continues a vertical merge from the row above; its text is empty
     */
    record Cell(String text, int left, int right, boolean continuation) {

        /** Length of the horizontal overlap with another range. */
        int overlap(int otherLeft, int otherRight) {
            return Math.max(0, Math.min(right, otherRight) - Math.max(left, otherLeft));
        }
    }

    /** Plain text for staff: cells by tabs, lines by newlines, cut at {@code maxChars}. */
    String text(int maxChars) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            String joined = line.joined("\t").strip();
            if (joined.isEmpty()) {
                continue;
            }
            text.append(joined).append('\n');
            if (text.length() >= maxChars) {
                return text.substring(0, maxChars);
            }
        }
        return text.toString().strip();
    }
}
