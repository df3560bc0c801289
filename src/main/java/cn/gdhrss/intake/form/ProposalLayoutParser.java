package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Walks the lines of a proposal and collects, per label, the texts written for it. A label's value
 * is the cells to its right up to the next label; when a label stands alone, its value is in the
 * rows below (and in paragraphs written beside the table) until the next label. Rows without a
 * label continue the labels of the row above, column by column, so added rows and split cells land
 * where they belong. Positions are never fixed: only labels are trusted.
 */
final class ProposalLayoutParser {

    /** Template text that is neither a label nor a value: instructions, footnotes, the title. */
    private static final List<String> TEMPLATE_TEXT = List.of(
            "附件1", "新职业建议书", "填写说明", "本表及所附资料", "请认真阅读表格脚注", "如填写内容较多", "本表提交方式",
            "电子版材料发至", "纸质版材料邮寄至", "如有短视频", "新职业信息申报工作进展情况", "请在选项前的括号内画",
            "申报该项无需填写", "由最能说明该职业类别特性", "用简练的语句表述职业", "列出《大典》中与所填新职业",
            "请参照最新版《中华人民共和国国民经济行业分类》", "请附相关用人单位人力资源部门", "列出对新职业有特殊约束");

    private final Map<ProposalField, List<String>> values = new EnumMap<>(ProposalField.class);
    private final Map<GridKind, List<String[]>> grids = new EnumMap<>(GridKind.class);
    private List<Slot> slots = List.of();
    private @Nullable Grid grid;
    /** Rows read into the open grid; a grid whose label row had no rows yet survives a nested table. */
    private int gridRows;
    /** The table a GRID label last announced (培训机构情况), to tell its header from a look-alike's. */
    private @Nullable GridKind announced;
    private int table = -1;

    /** Where the cells of rows without a label go: a field and the column range of its values. */
    private record Slot(ProposalField field, int left, int right, boolean ownsParagraphs) {}

    /** An open table of records and the column range of each of its headers (empty: by position). */
    private record Grid(GridKind kind, List<int[]> columns) {}

    ProposalLayoutParser parse(Layout layout) {
        for (Layout.Line line : layout.lines()) {
            if (line.isParagraph()) {
                paragraph(line.cells().get(0).text());
            } else {
                enterTable(line.table());
                row(line.ownCells());
            }
        }
        return this;
    }

    List<String> chunks(ProposalField field) {
        return values.getOrDefault(field, List.of());
    }

    List<String[]> rows(GridKind kind) {
        return grids.getOrDefault(kind, List.of());
    }

    private void enterTable(int index) {
        if (index != table) {
            table = index;
            // A label whose records are a table nested in its cell (issue 13) keeps its grid open.
            if (grid == null || gridRows > 0) {
                grid = null;
            }
            slots = slots.stream().filter(Slot::ownsParagraphs).toList();
        }
    }

    private void paragraph(String text) {
        table = -1;
        grid = null;
        String label = FormText.label(text);
        if (label.isEmpty() || isTemplateText(label)) {
            return;
        }
        Optional<ProposalField> field = ProposalField.find(text);
        if (field.isPresent()) {
            startAlone(field.get());
            return;
        }
        if (inline(text)) {
            return;
        }
        for (Slot slot : slots) {
            if (slot.ownsParagraphs()) {
                add(slot.field(), text);
                return;
            }
        }
    }

    private static boolean isTemplateText(String label) {
        return TEMPLATE_TEXT.stream().anyMatch(label::startsWith);
    }

    /** "label：value" on one line; true when the text was such a line. */
    private boolean inline(String text) {
        int colon = FormText.firstColon(text);
        if (colon <= 0 || colon > 60) {
            return false;
        }
        Optional<ProposalField> field = ProposalField.find(text.substring(0, colon));
        if (field.isEmpty()) {
            return false;
        }
        String value = FormText.withoutBlanks(text.substring(colon + 1));
        if (value.isEmpty()) {
            startAlone(field.get());
        } else {
            slots = List.of();
            add(field.get(), value);
        }
        return true;
    }

    /** A label with nothing beside it: its value follows below. */
    private void startAlone(ProposalField field) {
        grid = null;
        Optional<GridKind> kind = GridKind.of(field);
        if (kind.isPresent()) {
            slots = List.of();
            openGrid(new Grid(kind.get(), List.of()));
        } else if (field.kind() == ProposalField.Kind.TEXT || field.kind() == ProposalField.Kind.LIST) {
            slots = List.of(new Slot(field, 0, Layout.FULL_WIDTH, true));
        } else {
            slots = List.of();
        }
    }

    private void row(List<Layout.Cell> cells) {
        List<Optional<ProposalField>> labels = cells.stream().map(cell -> ProposalField.find(cell.text())).toList();
        Optional<GridKind> header = gridHeader(cells, labels);
        if (header.isPresent()) {
            startGrid(header.get(), cells);
        } else if (labels.stream().anyMatch(Optional::isPresent)) {
            labelRow(cells, labels);
        } else if (!cells.isEmpty() && inline(cells.get(0).text())) {
            return;
        } else if (grid != null) {
            gridRow(cells);
        } else {
            continuationRow(cells);
        }
    }

    private Optional<GridKind> gridHeader(List<Layout.Cell> cells, List<Optional<ProposalField>> labels) {
        for (Optional<ProposalField> label : labels) {
            Optional<GridKind> kind = label.flatMap(GridKind::of);
            if (kind.isPresent()) {
                announced = kind.get();
                return kind;
            }
        }
        return headerKind(cells);
    }

    /**
     * The table whose columns a header row names most; on a tie the one its label announced.
     * "名称 地址 联系电话" is 培训机构 (three columns), not 用人单位 (two), in a form retyped without
     * the label beside it (issue 13).
     */
    private Optional<GridKind> headerKind(List<Layout.Cell> cells) {
        GridKind best = null;
        long bestNamed = 1;
        for (GridKind kind : GridKind.values()) {
            long named = kind.namedColumns(cells);
            if (named > bestNamed || (named == bestNamed && named > 1 && kind == announced)) {
                best = kind;
                bestNamed = named;
            }
        }
        return Optional.ofNullable(best);
    }

    private void openGrid(Grid opened) {
        grid = opened;
        gridRows = 0;
    }

    private void startGrid(GridKind kind, List<Layout.Cell> cells) {
        List<int[]> columns = new ArrayList<>();
        for (int i = 0; i < kind.columnCount(); i++) {
            columns.add(null);
        }
        for (Layout.Cell cell : cells) {
            int column = kind.column(cell.text());
            if (column >= 0 && columns.get(column) == null) {
                columns.set(column, new int[] {cell.left(), cell.right()});
            }
        }
        boolean positional = columns.stream().allMatch(range -> range == null);
        slots = List.of();
        openGrid(new Grid(kind, positional ? List.of() : columns));
    }

    private void gridRow(List<Layout.Cell> cells) {
        Grid open = grid;
        if (open == null) {
            return;
        }
        String[] record = new String[open.kind().columnCount()];
        java.util.Arrays.fill(record, "");
        if (open.columns().isEmpty()) {
            for (int i = 0; i < cells.size() && i < record.length; i++) {
                record[i] = cells.get(i).text();
            }
        } else {
            for (Layout.Cell cell : cells) {
                int column = bestColumn(cell, open.columns());
                if (column >= 0) {
                    record[column] = join(record[column], cell.text());
                }
            }
        }
        grids.computeIfAbsent(open.kind(), kind -> new ArrayList<>()).add(record);
        gridRows++;
    }

    private static int bestColumn(Layout.Cell cell, List<int[]> columns) {
        int best = -1;
        int bestOverlap = 0;
        for (int i = 0; i < columns.size(); i++) {
            int[] range = columns.get(i);
            int overlap = range == null ? 0 : cell.overlap(range[0], range[1]);
            if (overlap > bestOverlap) {
                best = i;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private void labelRow(List<Layout.Cell> cells, List<Optional<ProposalField>> labels) {
        grid = null;
        List<Slot> opened = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (labels.get(i).isEmpty()) {
                continue;
            }
            ProposalField field = labels.get(i).get();
            int end = i + 1;
            while (end < cells.size() && labels.get(end).isEmpty()) {
                end++;
            }
            List<Layout.Cell> valueCells = cells.subList(i + 1, end);
            // A lone label in a plain table (a retyped form) has empty cells beside it; its value is below.
            boolean alone = labels.stream().filter(Optional::isPresent).count() == 1
                    && valueCells.stream().allMatch(cell -> cell.text().isBlank());
            opened.addAll(openSlot(field, alone ? List.of() : valueCells));
        }
        slots = List.copyOf(opened);
    }

    private List<Slot> openSlot(ProposalField field, List<Layout.Cell> valueCells) {
        ProposalField.Kind kind = field.kind();
        boolean holdsValue = kind == ProposalField.Kind.TEXT || kind == ProposalField.Kind.LIST;
        if (!holdsValue && !(kind == ProposalField.Kind.INLINE && !valueCells.isEmpty())) {
            return List.of();
        }
        if (valueCells.isEmpty()) {
            return List.of(new Slot(field, 0, Layout.FULL_WIDTH, true));
        }
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        for (Layout.Cell cell : valueCells) {
            add(field, cell.text());
            left = Math.min(left, cell.left());
            right = Math.max(right, cell.right());
        }
        return List.of(new Slot(field, left, right, false));
    }

    private void continuationRow(List<Layout.Cell> cells) {
        for (Layout.Cell cell : cells) {
            Slot best = null;
            int bestOverlap = 0;
            for (Slot slot : slots) {
                int overlap = cell.overlap(slot.left(), slot.right());
                if (overlap > bestOverlap) {
                    best = slot;
                    bestOverlap = overlap;
                }
            }
            if (best != null) {
                add(best.field(), cell.text());
            }
        }
    }

    private void add(ProposalField field, String text) {
        String value = FormText.value(text);
        // The cover's 申报单位 and 填写时间 come first; a signature line at the end must not add to them.
        boolean coverTaken = field.kind() == ProposalField.Kind.INLINE && values.containsKey(field);
        if (!value.isEmpty() && !coverTaken) {
            values.computeIfAbsent(field, key -> new ArrayList<>()).add(value);
        }
    }

    private static String join(String first, String second) {
        String value = FormText.value(second);
        if (first.isEmpty()) {
            return value;
        }
        return value.isEmpty() ? first : first + "\n" + value;
    }
}
