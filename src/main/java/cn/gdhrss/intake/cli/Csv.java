package cn.gdhrss.intake.cli;

import java.util.List;

/**
 * The CSV of {@code --csv}: UTF-8 with a byte-order mark, so Excel and WPS open Chinese text
 * correctly; RFC 4180 quoting and CRLF line ends.
 */
final class Csv {
    static final String BOM = "\uFEFF";

    private Csv() {}

    static String write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    /** One row as it is written after the header, for output printed row by row. */
    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        line(out, cells);
        return out.toString();
    }

    /** {@link #line} of {@code cells} appended to {@code out}. */
    static void append(StringBuilder out, String... cells) {
        for (int index = 0; index < cells.length; index++) {
            out.append(index == 0 ? "" : ",").append(quoted(cells[index]));
        }
        out.append("\r\n");
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int index = 0; index < cells.size(); index++) {
            out.append(index == 0 ? "" : ",").append(quoted(cells.get(index)));
        }
        out.append("\r\n");
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
