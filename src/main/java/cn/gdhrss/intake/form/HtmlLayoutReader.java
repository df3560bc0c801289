package cn.gdhrss.intake.form;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Flattens a form saved as a web page (Word's and WPS's .htm, the page of an .mht, LibreOffice's
 * HTML) into a {@link Layout}: paragraphs outside tables, rows with grid positions computed from
 * colspan and rowspan (the cells a rowspan covers are continuations), tables nested in a cell as
 * tables of their own after the row. Text in a symbol font (Wingdings) and check boxes become
 * marks; text Word marks deleted with tracked changes ({@code <del>}) is left out.
 */
final class HtmlLayoutReader {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "blockquote", "center", "section", "article", "dd", "dt", "pre", "address", "tr", "caption");
    /** Not on the page: scripts and styles, and deletions of tracked changes. */
    private static final Set<String> NOT_SHOWN = Set.of("script", "style", "del");
    private static final Pattern META_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SYMBOL_FONT =
            Pattern.compile("font-family\\s*:\\s*[\"']?(wingdings|webdings|symbol)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\r\\n\\f]+");
    private static final int MAX_DEPTH = 8;

    private final LayoutBuilder builder = new LayoutBuilder();

    /**
     * @param charset the charset the container declares (an .mht part), or {@code null} to take the
     *     page's own meta charset; GB2312 and GBK are read as GB18030, their superset, since Word
     *     labels GBK text "gb2312"
     */
    Layout read(byte[] page, @Nullable String charset) {
        Charset decoding = charset(charset == null ? metaCharset(page) : charset);
        Document document = Jsoup.parse(new String(page, decoding));
        StringBuilder paragraph = new StringBuilder();
        blocks(document.body(), paragraph, 0);
        flush(paragraph);
        return builder.build();
    }

    private static @Nullable String metaCharset(byte[] page) {
        String head = new String(page, 0, Math.min(page.length, MarkupKind.HEAD_BYTES), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            return "UTF-8";
        }
        Matcher matcher = META_CHARSET.matcher(head);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Charset charset(@Nullable String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("gb2312") || lower.equals("gbk") || lower.equals("x-gbk") || lower.equals("cp936")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Body content in document order: a block ends a paragraph, a table is read as rows. */
    private void blocks(Element element, StringBuilder paragraph, int depth) {
        for (Node node : element.childNodes()) {
            if (builder.isFull()) {
                return;
            }
            if (node instanceof TextNode text) {
                paragraph.append(text(text));
            } else if (node instanceof Element child) {
                block(child, paragraph, depth);
            }
        }
    }

    private void block(Element child, StringBuilder paragraph, int depth) {
        String tag = child.normalName();
        if (tag.equals("table")) {
            flush(paragraph);
            builder.startTable();
            table(child, depth).forEach(row -> {
                builder.row(row.cells());
                builder.nestedTables(row.nested());
            });
        } else if (tag.equals("br")) {
            paragraph.append('\n');
        } else if (tag.equals("input")) {
            paragraph.append(checkBox(child));
        } else if (BLOCKS.contains(tag) && depth < 100) {
            flush(paragraph);
            blocks(child, paragraph, depth + 1);
            flush(paragraph);
        } else if (!NOT_SHOWN.contains(tag)) {
            blocks(child, paragraph, depth + 1);
        }
    }

    private void flush(StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            builder.paragraph(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    /** A row's cells and the tables nested in them. */
    private record Row(List<Layout.Cell> cells, List<List<List<Layout.Cell>>> nested) {}

    /**
     * The rows of one table with grid columns: a cell starts at the first column not covered by a
     * rowspan from above and covers colspan columns.
     */
    private List<Row> table(Element table, int depth) {
        List<Row> rows = new ArrayList<>();
        Map<Integer, Integer> coveredRows = new HashMap<>();
        int gridColumns = gridColumns(table);
        ShortRows shortRows = new ShortRows();
        for (Element tr : rowsOf(table)) {
            if (rows.size() >= LayoutBuilder.MAX_LINES) {
                break;
            }
            List<Layout.Cell> cells = new ArrayList<>();
            List<List<List<Layout.Cell>>> nested = new ArrayList<>();
            int column = 0;
            for (Element td : tr.children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                    continue;
                }
                column = continuations(coveredRows, column, cells);
                int span = number(td.attr("colspan"));
                int rowSpan = number(td.attr("rowspan"));
                StringBuilder text = new StringBuilder();
                List<Element> inner = new ArrayList<>();
                cellText(td, text, inner, 0);
                cells.add(new Layout.Cell(text.toString(), column, column + span, false));
                if (rowSpan > 1) {
                    for (int c = column; c < column + span; c++) {
                        coveredRows.put(c, rowSpan - 1);
                    }
                }
                column += span;
                for (Element innerTable : inner) {
                    if (depth < MAX_DEPTH) {
                        nested.add(flattened(table(innerTable, depth + 1)));
                    }
                }
            }
            int end = continuations(coveredRows, column, cells);
            coveredRows.replaceAll((c, left) -> left - 1);
            coveredRows.values().removeIf(left -> left <= 0);
            rows.add(new Row(shortRows.align(cells, end, gridColumns), nested));
        }
        return rows;
    }

    /** The columns the table declares with {@code <col>}, 0 when it declares none. */
    private static int gridColumns(Element table) {
        int columns = 0;
        for (Element child : table.children()) {
            if (child.normalName().equals("col")) {
                columns += number(child.attr("span"));
            } else if (child.normalName().equals("colgroup")) {
                columns += Math.max(1, child.children().size());
            }
        }
        return columns;
    }

    /** A nested table's rows, the tables nested in them following their row. */
    private static List<List<Layout.Cell>> flattened(List<Row> rows) {
        List<List<Layout.Cell>> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(row.cells());
            row.nested().forEach(lines::addAll);
        }
        return lines;
    }

    /** Adds the continuation cells of the columns from {@code column} that a rowspan covers. */
    private static int continuations(Map<Integer, Integer> coveredRows, int column, List<Layout.Cell> cells) {
        int at = column;
        while (coveredRows.getOrDefault(at, 0) > 0 && at < LayoutBuilder.MAX_CELLS_PER_LINE) {
            cells.add(new Layout.Cell("", at, at + 1, true));
            at++;
        }
        return at;
    }

    private static List<Element> rowsOf(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String tag = child.normalName();
            if (tag.equals("tr")) {
                rows.add(child);
            } else if (tag.equals("tbody") || tag.equals("thead") || tag.equals("tfoot")) {
                child.children().stream().filter(row -> row.normalName().equals("tr")).forEach(rows::add);
            }
        }
        return rows;
    }

    /** A form check box (a FORMCHECKBOX field saved as a web page) as the mark it shows; other inputs show nothing. */
    private static String checkBox(Element input) {
        if (!input.attr("type").equalsIgnoreCase("checkbox")) {
            return "";
        }
        return input.hasAttr("checked") ? DocxXmlLayoutReader.CHECKED_BOX : DocxXmlLayoutReader.EMPTY_BOX;
    }

    /** A cell's text, paragraphs as line breaks; nested tables are collected, not read as text. */
    private static void cellText(Element element, StringBuilder text, List<Element> nested, int depth) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode textNode) {
                appendText(text, text(textNode));
            } else if (node instanceof Element child && depth < 100) {
                String tag = child.normalName();
                if (tag.equals("table")) {
                    nested.add(child);
                } else if (tag.equals("br")) {
                    text.append('\n');
                } else if (tag.equals("input")) {
                    appendText(text, checkBox(child));
                } else if (BLOCKS.contains(tag)) {
                    newLine(text);
                    cellText(child, text, nested, depth + 1);
                    newLine(text);
                } else if (!NOT_SHOWN.contains(tag)) {
                    cellText(child, text, nested, depth + 1);
                }
            }
        }
    }

    private static void newLine(StringBuilder text) {
        while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** Source indentation between blocks is not text. */
    private static void appendText(StringBuilder text, String piece) {
        boolean lineStart = text.length() == 0 || text.charAt(text.length() - 1) == '\n';
        if (!(lineStart && piece.isBlank())) {
            text.append(piece);
        }
    }

    /** White space collapsed as a browser does; letters of a Wingdings span as marks. */
    private static String text(TextNode node) {
        String text = WHITESPACE.matcher(node.getWholeText()).replaceAll(" ");
        return isSymbolFont(node) ? DocxXmlLayoutReader.symbolText(text) : text;
    }

    private static boolean isSymbolFont(TextNode node) {
        Node parent = node.parent();
        for (int up = 0; up < 3 && parent instanceof Element element; up++) {
            if (SYMBOL_FONT.matcher(element.attr("style")).find()
                    || DocxXmlLayoutReader.isSymbolFont(element.attr("face"))) {
                return true;
            }
            parent = element.parent();
        }
        return false;
    }

    private static int number(String attribute) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(attribute.strip()), 1000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
