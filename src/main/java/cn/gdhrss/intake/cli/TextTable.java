package cn.gdhrss.intake.cli;

import java.util.ArrayList;
import java.util.List;

/** A terminal table whose columns line up with Chinese text (CJK characters take two columns). */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    void add(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell).replace('\n', ' '));
        }
        rows.add(row);
    }

    String render(int maxColumnWidth) {
        int[] widths = new int[header.size()];
        measure(header, widths, maxColumnWidth);
        rows.forEach(row -> measure(row, widths, maxColumnWidth));
        StringBuilder out = new StringBuilder();
        line(out, header, widths, maxColumnWidth);
        rows.forEach(row -> line(out, row, widths, maxColumnWidth));
        return out.toString();
    }

    /** Rows measured before a streamed table prints its first line. */
    static final int BLOCK = 1_000;

    /**
     * A table printed as its rows arrive (issue 12: 100,000 rows not held in memory): the columns
     * take the widths of the first {@link #BLOCK} rows, and a later cell wider than its column is
     * clipped to it. Tables of up to {@code BLOCK} rows print exactly as {@link #render} would.
     */
    static final class Streamed {
        private final TextTable first;
        private final java.io.PrintWriter out;
        private final int maxColumnWidth;
        private int[] widths;
        private int count;
        private final StringBuilder line = new StringBuilder(256);

        Streamed(java.io.PrintWriter out, int maxColumnWidth, String... header) {
            this.first = new TextTable(header);
            this.out = out;
            this.maxColumnWidth = maxColumnWidth;
        }

        void add(Object... cells) {
            count++;
            if (widths == null) {
                first.add(cells);
                if (first.rows.size() == BLOCK) {
                    printFirst();
                }
                return;
            }
            // One builder for every line and each cell measured once: 100,000 rows (issue 12).
            line.setLength(0);
            for (int i = 0; i < widths.length; i++) {
                String cell = i < cells.length ? String.valueOf(cells[i]).replace('\n', ' ') : "";
                int cellWidth = width(cell);
                int max = Math.min(maxColumnWidth, widths[i]);
                if (cellWidth > max && max >= 1) {
                    cell = clip(cell, max);
                    cellWidth = width(cell);
                }
                line.append(cell);
                pad(line, widths[i] - cellWidth);
                line.append(i == widths.length - 1 ? "\n" : "  ");
            }
            out.append(line);
        }

        /** Prints what is still held; returns how many rows the table had. */
        int finish() {
            if (widths == null) {
                printFirst();
            }
            return count;
        }

        private void printFirst() {
            widths = new int[first.header.size()];
            measure(first.header, widths, maxColumnWidth);
            first.rows.forEach(row -> measure(row, widths, maxColumnWidth));
            out.print(first.render(maxColumnWidth));
            first.rows.clear();
        }
    }

    private static final char[] SPACES = " ".repeat(64).toCharArray();

    private static void pad(StringBuilder line, int count) {
        for (int left = count; left > 0; left -= SPACES.length) {
            line.append(SPACES, 0, Math.min(left, SPACES.length));
        }
    }

    private static void measure(List<String> row, int[] widths, int max) {
        for (int i = 0; i < row.size() && i < widths.length; i++) {
            widths[i] = Math.max(widths[i], Math.min(max, width(row.get(i))));
        }
    }

    private static void line(StringBuilder out, List<String> row, int[] widths, int max) {
        for (int i = 0; i < widths.length; i++) {
            String cell = i < row.size() ? clip(row.get(i), max) : "";
            out.append(cell).append(" ".repeat(widths[i] - width(cell)));
            out.append(i == widths.length - 1 ? "\n" : "  ");
        }
    }

    private static String clip(String text, int max) {
        if (width(text) <= max || max < 1) {
            return text;
        }
        StringBuilder clipped = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int w = width(codePoint);
            if (used + w > max - 1) {
                break;
            }
            clipped.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        return clipped.append('…').toString();
    }

    static int width(String text) {
        // By char, and only a surrogate pair as one code point: codePointAt for every char was a
        // sixth of a whole-register listing's Java time (issue 12).
        int sum = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x3000) {
                sum++;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                sum += width(Character.toCodePoint(c, text.charAt(++i)));
            } else {
                sum += width(c);
            }
        }
        return sum;
    }

    /**
     * The blocks CJK_UNIFIED_IDEOGRAPHS (and extension A), CJK_SYMBOLS_AND_PUNCTUATION, the
     * full-width half of HALFWIDTH_AND_FULLWIDTH_FORMS, CJK_COMPATIBILITY_IDEOGRAPHS and planes 2-3
     * as plain ranges: Character.UnicodeBlock.of was most of a 100,000-row listing's time.
     */
    private static int width(int codePoint) {
        if (codePoint < 0x3000) {
            return 1;
        }
        boolean wide = codePoint >= 0x4E00 && codePoint <= 0x9FFF
                || codePoint >= 0x3400 && codePoint <= 0x4DBF
                || codePoint <= 0x303F
                || codePoint >= 0xFF00 && codePoint < 0xFF61
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0x20000 && codePoint <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
