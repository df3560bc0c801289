package cn.gdhrss.intake.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jspecify.annotations.Nullable;

/**
 * Reads a 新职业信息汇总表 (附件2) from Word or Excel: the header row is found by its content, the
 * columns by their headers, the city from the title "新职业信息汇总表（广州市）". The caller owns the
 * document.
 */
public final class SummaryTableReader {

    /** A header row names at least this many of the ten columns. */
    private static final int MIN_HEADERS = 5;
    private static final Pattern TITLE = Pattern.compile("新职业信息汇总表\\(([^)]{0,40})\\)");
    private static final Map<String, Column> HEADERS = new HashMap<>();

    private enum Column { NO, CATEGORY, NAME, ALTERNATIVE_NAMES, DEFINITION, RELATED, INDUSTRY, APPLICANT, CONTACT, REVIEWED }

    static {
        header(Column.NO, "序号");
        header(Column.CATEGORY, "申报类别");
        header(Column.NAME, "职业名称");
        header(Column.ALTERNATIVE_NAMES, "备选名称");
        header(Column.DEFINITION, "职业定义");
        header(Column.RELATED, "与相关职业的关系");
        header(Column.INDUSTRY, "所属行业");
        header(Column.APPLICANT, "申报单位", "申报单位/个人");
        header(Column.CONTACT, "联系人及电话", "联系人及联系电话", "联系人及联系方式");
        header(Column.REVIEWED, "地市是否有初审", "是否有初审", "是否初审", "地市是否初审");
    }

    private static void header(Column column, String... labels) {
        for (String label : labels) {
            HEADERS.put(FormText.labelKey(label), column);
        }
    }

    public SummaryTable read(XWPFDocument document) {
        return read(new DocxLayoutReader().read(document));
    }

    public SummaryTable read(HWPFDocument document) {
        return read(new DocLayoutReader().read(document));
    }

    public SummaryTable read(Workbook workbook) {
        return read(new SheetLayoutReader().read(workbook));
    }

    static boolean hasHeader(Layout layout) {
        return layout.lines().stream().anyMatch(line -> headerColumns(line).size() >= MIN_HEADERS);
    }

    SummaryTable read(Layout layout) {
        List<Finding> findings = new ArrayList<>();
        String dateText = FormText.withoutBlanks(labelled(layout, "填报时间", "填表时间", "填写时间"));
        LocalDate date = FormValues.date(dateText).orElse(null);
        if (FormValues.isBlankDate(dateText)) {
            dateText = "";
        } else if (date == null) {
            findings.add(ReadFindings.summaryDateUnreadable(dateText));
        }
        List<SummaryTable.Row> rows = rows(layout, findings);
        return new SummaryTable(city(layout), FormText.withoutBlanks(labelled(layout, "填表人")), date, dateText, rows,
                findings);
    }

    private static String city(Layout layout) {
        for (Layout.Line line : layout.lines()) {
            for (Layout.Cell cell : line.cells()) {
                Matcher matcher = TITLE.matcher(FormText.label(cell.text()));
                if (matcher.find()) {
                    String city = matcher.group(1);
                    return city.matches("(?i)x+地市|地市|") ? "" : city;
                }
            }
        }
        return "";
    }

    /** The value after "label：" in the cell starting with the label, or in the cells to its right. */
    private static String labelled(Layout layout, String... labels) {
        for (Layout.Line line : layout.lines()) {
            List<Layout.Cell> cells = line.ownCells();
            for (int i = 0; i < cells.size(); i++) {
                String text = cells.get(i).text();
                String label = FormText.label(text);
                if (Set.of(labels).stream().anyMatch(label::startsWith)) {
                    return valueOf(text, cells.subList(i + 1, cells.size()));
                }
            }
        }
        return "";
    }

    private static String valueOf(String labelCell, List<Layout.Cell> rest) {
        String after = FormText.afterColon(labelCell);
        String value = after == null ? "" : FormText.value(after);
        if (!value.isEmpty() && !FormText.withoutBlanks(value).isEmpty()) {
            return value;
        }
        List<String> parts = rest.stream().map(cell -> FormText.value(cell.text())).filter(s -> !s.isEmpty()).toList();
        return String.join(" ", parts);
    }

    private static Map<Column, Layout.Cell> headerColumns(Layout.Line line) {
        Map<Column, Layout.Cell> columns = new java.util.EnumMap<>(Column.class);
        if (line.isParagraph()) {
            return columns;
        }
        for (Layout.Cell cell : line.ownCells()) {
            Column column = HEADERS.get(FormText.labelKey(cell.text()));
            if (column != null) {
                columns.putIfAbsent(column, cell);
            }
        }
        return columns;
    }

    private static List<SummaryTable.Row> rows(Layout layout, List<Finding> findings) {
        List<SummaryTable.Row> rows = new ArrayList<>();
        Map<Column, Layout.Cell> header = null;
        int table = -2;
        for (Layout.Line line : layout.lines()) {
            Map<Column, Layout.Cell> columns = headerColumns(line);
            if (columns.size() >= MIN_HEADERS) {
                header = columns;
                table = line.table();
            } else if (header != null && (line.table() != table || isRemark(line))) {
                header = null;
            } else if (header != null) {
                row(line, header, rows.size(), findings).ifPresent(rows::add);
            }
        }
        return rows;
    }

    private static boolean isRemark(Layout.Line line) {
        List<Layout.Cell> cells = line.ownCells();
        return !cells.isEmpty() && FormText.label(cells.get(0).text()).startsWith("备注");
    }

    private static Optional<SummaryTable.Row> row(Layout.Line line, Map<Column, Layout.Cell> header, int index,
            List<Finding> findings) {
        Map<Column, String> values = new java.util.EnumMap<>(Column.class);
        for (Layout.Cell cell : line.ownCells()) {
            Column column = bestColumn(cell, header);
            if (column != null && !FormText.value(cell.text()).isEmpty()) {
                values.merge(column, FormText.value(cell.text()), (a, b) -> a + "\n" + b);
            }
        }
        boolean blank = values.keySet().stream().allMatch(column -> column == Column.NO);
        if (blank) {
            return Optional.empty();
        }
        return Optional.of(new SummaryTable.Row(get(values, Column.NO), category(get(values, Column.CATEGORY), index,
                findings), get(values, Column.NAME), get(values, Column.ALTERNATIVE_NAMES), get(values, Column.DEFINITION),
                get(values, Column.RELATED), get(values, Column.INDUSTRY), get(values, Column.APPLICANT),
                get(values, Column.CONTACT), reviewed(get(values, Column.REVIEWED), index, findings)));
    }

    private static @Nullable Column bestColumn(Layout.Cell cell, Map<Column, Layout.Cell> header) {
        Column best = null;
        int bestOverlap = 0;
        for (Map.Entry<Column, Layout.Cell> entry : header.entrySet()) {
            int overlap = cell.overlap(entry.getValue().left(), entry.getValue().right());
            if (overlap > bestOverlap) {
                best = entry.getKey();
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private static String get(Map<Column, String> values, Column column) {
        return values.getOrDefault(column, "");
    }

    private static @Nullable Category category(String text, int index, List<Finding> findings) {
        if (text.isEmpty()) {
            return null;
        }
        Set<Category> ticked = CategoryMarks.ticked(text);
        if (ticked.size() == 1) {
            return ticked.iterator().next();
        }
        findings.add(ReadFindings.summaryCategoryUnreadable(index, text));
        return null;
    }

    private static @Nullable Boolean reviewed(String text, int index, List<Finding> findings) {
        String value = FormText.label(text).toUpperCase(java.util.Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (value.matches("(否|无|没有|未|不是|×|✗|✘|N|NO).*")) {
            return false;
        }
        if (value.matches("(是|有|已|√|✓|✔|☑|Y|YES).*")) {
            return true;
        }
        findings.add(ReadFindings.summaryReviewedUnreadable(index, text));
        return null;
    }
}
