package cn.gdhrss.intake.form;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a form saved as RTF (by Word, WPS or LibreOffice, often under a .doc name) into a
 * {@link Layout}, keeping its tables: rows from trowd, cellx, cell and row, cell edges in
 * twips as in a .doc, {@code \clvmrg} continuations, nested tables ({@code \nestcell},
 * {@code \nestrow}) as tables of their own after their row. Tika's RTF parser was tried first: it
 * gives every cell as a paragraph, which loses the rows the label-driven parser needs. Text is
 * decoded as RTF 1.9.1 says: the u control word (a UTF-16 unit) with its uc fallback skipped, {@code \'hh}
 * bytes in the charset of the current font ({@code \fcharset}) or of {@code \ansicpg}; Wingdings
 * and Symbol letters (by \fcharset2 or the font's name) become marks, as do check box form fields.
 * The page header is read where it stands (before the body: the cover's 申报单位 is sometimes
 * there), text boxes ({@code \shptxt}) too; text deleted with tracked changes ({@code \deleted}) is
 * left out. Footers, footnotes, pictures, field instructions, shape properties and the other
 * ignorable {@code \*} destinations are skipped. Bounded like every reader: input is hostile.
 */
final class RtfLayoutReader {

    /** Destinations whose text is not on the page (or not in the body). */
    private static final Set<String> SKIPPED = Set.of("fonttbl", "colortbl", "stylesheet", "info", "pict", "object",
            "footer", "footerl", "footerr", "footerf", "footnote",
            "annotation", "fldinst", "themedata", "colorschememapping", "datastore", "latentstyles", "listtable",
            "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "pgdsctbl", "nonshppict", "nonesttables",
            "sp", "shprslt", "shppict", "bkmkstart", "bkmkend", "revtbl", "filetbl", "mmathPr", "userprops", "docvar",
            "atnid", "atnauthor", "template", "defchp", "defpap", "pnseclvl", "xe", "tc", "private");
    private static final Set<String> FORM_FIELD_WORDS = Set.of("fftype", "ffres", "ffdefres", "fldrslt");
    private static final int FORM_CHECK_BOX = 1;
    private static final int UNDEFINED_RESULT = 25;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_CELLS = LayoutBuilder.MAX_CELLS_PER_LINE;

    private final LayoutBuilder builder = new LayoutBuilder();
    private final Deque<Group> groups = new ArrayDeque<>();
    private final Map<Integer, Charset> fontCharsets = new HashMap<>();
    private final Set<Integer> symbolFonts = new java.util.HashSet<>();
    /** The name of the font table entry being read: "Wingdings 2" comes with \\fcharset0 as often as 2. */
    private final StringBuilder fontName = new StringBuilder();
    /** A legacy form field's \\fftype, \\ffres and \\ffdefres, read in its instruction, shown in its result. */
    private int formFieldType = -1;
    private int formFieldResult = -1;
    private int formFieldDefault;
    private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private final StringBuilder paragraph = new StringBuilder();
    private final Level outer = new Level();
    private final Level inner = new Level();
    private List<List<Layout.Cell>> nestedTable = new ArrayList<>();
    private final List<List<List<Layout.Cell>>> nestedTables = new ArrayList<>();
    private Charset documentCharset = Charset.forName("windows-1252");
    private Group state = new Group();
    private int skipChars;
    private byte[] input = new byte[0];
    private int position;

    /** Per-group state, copied on "{" and restored on "}". */
    private static final class Group {
        boolean skip;
        boolean fontTable;
        boolean nestProperties;
        int unicodeSkip = 1;
        int font = -1;
        boolean inTable;
        int tableDepth = 1;
        /** The group has just opened: its first control word may name a destination. */
        boolean fresh;
        boolean ignorable;
        /** Text deleted with tracked changes (\\deleted): not what the form says. */
        boolean deleted;

        Group copy() {
            Group copy = new Group();
            copy.skip = skip;
            copy.fontTable = fontTable;
            copy.nestProperties = nestProperties;
            copy.unicodeSkip = unicodeSkip;
            copy.font = font;
            copy.inTable = inTable;
            copy.tableDepth = tableDepth;
            copy.deleted = deleted;
            copy.fresh = true;
            return copy;
        }
    }

    /** One table level's row: its cell definitions and the texts of the cells ended so far. */
    private static final class Level {
        final List<Integer> edges = new ArrayList<>();
        final List<Boolean> merged = new ArrayList<>();
        boolean nextMerged;
        int left;
        final List<String> cells = new ArrayList<>();
        final List<String> paragraphs = new ArrayList<>();

        void define() {
            edges.clear();
            merged.clear();
            nextMerged = false;
            left = 0;
        }

        List<Layout.Cell> row() {
            List<Layout.Cell> row = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int from = i == 0 ? left : edgeAt(i - 1);
                int to = Math.max(from + 1, edgeAt(i));
                row.add(new Layout.Cell(cells.get(i), from, to, i < merged.size() && merged.get(i)));
            }
            cells.clear();
            return row;
        }

        private int edgeAt(int index) {
            if (edges.isEmpty()) {
                return (index + 1) * 1000;
            }
            return index < edges.size() ? edges.get(index) : edges.get(edges.size() - 1) + (index - edges.size() + 1) * 1000;
        }
    }

    Layout read(byte[] rtf) {
        input = rtf;
        position = 0;
        while (position < input.length && !builder.isFull()) {
            byte b = input[position++];
            switch (b) {
                case '{' -> openGroup();
                case '}' -> closeGroup();
                case '\\' -> controlWord();
                case '\r', '\n' -> { }
                default -> character(b & 0xFF);
            }
        }
        endParagraph();
        return builder.build();
    }

    private void openGroup() {
        flushBytes();
        if (groups.size() >= MAX_DEPTH) {
            state.skip = true;
        }
        groups.push(state);
        state = state.copy();
    }

    private void closeGroup() {
        flushBytes();
        if (!groups.isEmpty()) {
            state = groups.pop();
        }
    }

    private void controlWord() {
        if (position >= input.length) {
            return;
        }
        byte first = input[position];
        if (!Character.isLetter(first)) {
            position++;
            controlSymbol((char) first);
            return;
        }
        int start = position;
        while (position < input.length && Character.isLetter(input[position]) && position - start < 32) {
            position++;
        }
        String word = new String(input, start, position - start, StandardCharsets.US_ASCII);
        Integer parameter = parameter();
        if (position < input.length && input[position] == ' ') {
            position++;
        }
        if (!word.equals("u")) {
            flushBytes();
        }
        boolean fresh = state.fresh;
        state.fresh = false;
        if (FORM_FIELD_WORDS.contains(word)) {
            formFieldWord(word, parameter);
        }
        // The text of a text box (\\shptxt) is in the ignorable shape instruction; its properties are skipped.
        boolean kept = word.equals("nesttableprops") || word.equals("shpinst");
        if (fresh && (state.ignorable || SKIPPED.contains(word)) && !kept) {
            state.skip = !word.equals("fonttbl") || state.skip;
            state.fontTable = word.equals("fonttbl");
            if (state.fontTable) {
                return;
            }
        }
        if (word.equals("nesttableprops")) {
            state.nestProperties = true;
            state.skip = false;
            return;
        }
        if (state.fontTable) {
            fontTableWord(word, parameter);
        } else if (word.equals("bin")) {
            position = Math.min(input.length, position + Math.max(0, parameter == null ? 0 : parameter));
        } else if (!state.skip) {
            word(word, parameter);
        }
    }

    private Integer parameter() {
        int start = position;
        if (position < input.length && input[position] == '-') {
            position++;
        }
        while (position < input.length && Character.isDigit(input[position]) && position - start < 11) {
            position++;
        }
        if (position == start || (position == start + 1 && input[start] == '-')) {
            position = start;
            return null;
        }
        try {
            return Integer.parseInt(new String(input, start, position - start, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void controlSymbol(char symbol) {
        switch (symbol) {
            case '*' -> {
                if (state.fresh) {
                    state.ignorable = true;
                }
            }
            case '\'' -> {
                state.fresh = false;
                hexByte();
            }
            case '~' -> text(" ");
            case '_' -> text("-");
            case '\\', '{', '}' -> character(symbol);
            case '\r', '\n' -> word("par", null);
            default -> { }
        }
    }

    private void hexByte() {
        if (position + 2 > input.length) {
            position = input.length;
            return;
        }
        int value = Character.digit(input[position], 16) * 16 + Character.digit(input[position + 1], 16);
        position += 2;
        if (value < 0 || state.skip || state.fontTable) {
            return;
        }
        if (skipChars > 0) {
            skipChars--;
            return;
        }
        pendingBytes.write(value);
    }

    /**
     * A check box form field (FORMCHECKBOX) shows no text in its result: its state, in the field's
     * {@code \\formfield} ({@code \\fftype1}, {@code \\ffres} 1 checked, 25 "the default" {@code \\ffdefres}), becomes
     * the mark Word draws, at the start of the result.
     */
    private void formFieldWord(String word, Integer parameter) {
        int value = parameter == null ? 0 : parameter;
        switch (word) {
            case "fftype" -> formFieldType = value;
            case "ffres" -> formFieldResult = value;
            case "ffdefres" -> formFieldDefault = value;
            default -> {
                if (formFieldType == FORM_CHECK_BOX && !state.skip) {
                    boolean checked = formFieldResult == UNDEFINED_RESULT || formFieldResult < 0
                            ? formFieldDefault == 1 : formFieldResult == 1;
                    flushBytes();
                    append(checked ? DocxXmlLayoutReader.CHECKED_BOX : DocxXmlLayoutReader.EMPTY_BOX);
                }
                formFieldType = -1;
                formFieldResult = -1;
                formFieldDefault = 0;
            }
        }
    }

    private void fontTableWord(String word, Integer parameter) {
        if (word.equals("f") && parameter != null) {
            state.font = parameter;
            fontName.setLength(0);
        } else if (word.equals("fcharset") && parameter != null && state.font >= 0 && fontCharsets.size() < 1000) {
            fontCharsets.put(state.font, charsetOf(parameter));
            if (parameter == 2) {
                symbolFonts.add(state.font);
            }
        }
    }

    private void fontNameCharacter(int value) {
        if (value == ';') {
            if (state.font >= 0 && DocxXmlLayoutReader.isSymbolFont(fontName.toString().strip())) {
                symbolFonts.add(state.font);
            }
            fontName.setLength(0);
        } else if (fontName.length() < 100) {
            fontName.append((char) value);
        }
    }

    /** RTF 1.9.1 \fcharset values of the Chinese, Japanese, Korean and symbol fonts. */
    private Charset charsetOf(int fcharset) {
        return switch (fcharset) {
            case 134 -> Charset.forName("GB18030");
            case 136 -> Charset.forName("Big5");
            case 128 -> Charset.forName("Shift_JIS");
            case 129 -> Charset.forName("x-windows-949");
            default -> documentCharset;
        };
    }

    private void word(String word, Integer parameter) {
        switch (word) {
            case "par", "sect", "page" -> endParagraph();
            case "deleted" -> state.deleted = parameter == null || parameter != 0;
            case "plain" -> state.deleted = false;
            case "line" -> text("\n");
            case "tab" -> text("\t");
            case "u" -> unicode(parameter);
            case "uc" -> state.unicodeSkip = parameter == null ? 1 : Math.max(0, Math.min(parameter, 10));
            case "f" -> state.font = parameter == null ? -1 : parameter;
            case "ansicpg" -> documentCharset = codePage(parameter);
            case "pard" -> {
                state.inTable = false;
                state.tableDepth = 1;
            }
            case "intbl" -> state.inTable = true;
            case "itap" -> state.tableDepth = parameter == null ? 1 : Math.max(0, parameter);
            case "trowd" -> level().define();
            case "trleft" -> level().left = parameter == null ? 0 : parameter;
            case "clvmrg" -> level().nextMerged = true;
            case "cellx" -> cellEdge(parameter);
            case "cell" -> endCell(outer);
            case "nestcell" -> endCell(inner);
            case "row" -> endRow();
            case "nestrow" -> endNestedRow();
            case "emdash" -> text("—");
            case "endash" -> text("–");
            case "bullet" -> text("•");
            case "lquote" -> text("‘");
            case "rquote" -> text("’");
            case "ldblquote" -> text("“");
            case "rdblquote" -> text("”");
            default -> { }
        }
    }

    private Level level() {
        return state.nestProperties ? inner : outer;
    }

    private void cellEdge(Integer parameter) {
        Level level = level();
        if (level.edges.size() < MAX_CELLS) {
            level.edges.add(parameter == null ? 0 : parameter);
            level.merged.add(level.nextMerged);
        }
        level.nextMerged = false;
    }

    private Charset codePage(Integer page) {
        if (page == null) {
            return documentCharset;
        }
        return switch (page) {
            case 936 -> Charset.forName("GB18030");
            case 950 -> Charset.forName("Big5");
            case 932 -> Charset.forName("Shift_JIS");
            case 65001 -> StandardCharsets.UTF_8;
            default -> Charset.forName("windows-1252");
        };
    }

    private void unicode(Integer parameter) {
        flushBytes();
        if (parameter == null) {
            return;
        }
        int code = parameter < 0 ? parameter + 65536 : parameter;
        text(String.valueOf((char) code));
        skipChars = state.unicodeSkip;
    }

    private void character(int value) {
        state.fresh = false;
        if (state.fontTable && !state.skip) {
            fontNameCharacter(value);
            return;
        }
        if (state.skip || state.fontTable) {
            return;
        }
        if (skipChars > 0) {
            skipChars--;
            return;
        }
        if (value >= 0x80) {
            pendingBytes.write(value);
        } else {
            flushBytes();
            append(String.valueOf((char) value));
        }
    }

    private void text(String text) {
        if (!state.skip && !state.fontTable) {
            flushBytes();
            append(text);
        }
    }

    private void append(String text) {
        if (paragraph.length() >= LayoutBuilder.MAX_CELL_CHARS || state.deleted) {
            return;
        }
        paragraph.append(symbolFonts.contains(state.font) ? DocxXmlLayoutReader.symbolText(text) : text);
    }

    private void flushBytes() {
        if (pendingBytes.size() == 0) {
            return;
        }
        byte[] bytes = pendingBytes.toByteArray();
        pendingBytes.reset();
        if (symbolFonts.contains(state.font)) {
            append(new String(bytes, StandardCharsets.ISO_8859_1));
            return;
        }
        Charset charset = fontCharsets.getOrDefault(state.font, documentCharset);
        if (charset.equals(Charset.forName("windows-1252")) && !documentCharset.equals(charset)) {
            charset = documentCharset;
        }
        append(new String(bytes, charset));
    }

    private void endParagraph() {
        flushBytes();
        String text = paragraph.toString();
        paragraph.setLength(0);
        if (!state.inTable) {
            builder.paragraph(text);
        } else {
            Level level = state.tableDepth >= 2 ? inner : outer;
            if (level.paragraphs.size() < 5_000) {
                level.paragraphs.add(text);
            }
        }
    }

    private void endCell(Level level) {
        flushBytes();
        level.paragraphs.add(paragraph.toString());
        paragraph.setLength(0);
        if (level.cells.size() < MAX_CELLS) {
            level.cells.add(String.join("\n", level.paragraphs));
        }
        level.paragraphs.clear();
        if (level == outer && !nestedTable.isEmpty()) {
            nestedTables.add(nestedTable);
            nestedTable = new ArrayList<>();
        }
    }

    private void endNestedRow() {
        if (nestedTable.size() < LayoutBuilder.MAX_LINES) {
            nestedTable.add(inner.row());
        }
    }

    private void endRow() {
        flushBytes();
        if (!outer.paragraphs.isEmpty() || paragraph.length() > 0) {
            endCell(outer);
        }
        if (!nestedTable.isEmpty()) {
            nestedTables.add(nestedTable);
            nestedTable = new ArrayList<>();
        }
        builder.startTableIfNeeded();
        builder.row(outer.row());
        builder.nestedTables(List.copyOf(nestedTables));
        nestedTables.clear();
        state.inTable = false;
    }
}
