package cn.gdhrss.intake.form;

import java.util.List;
import java.util.Optional;

/**
 * The tables inside the proposal whose rows are records: 主要工作任务, 用人单位, 培训机构, and the
 * schools when an applicant types them as a small table of their own (issue 13).
 */
enum GridKind {
    TASKS(ProposalField.TASKS, true, List.of(List.of("序号", "编号"), List.of("内容", "工作内容", "任务内容"),
            List.of("特有工具/设备", "特有工具设备", "工具/设备", "特有工具"), List.of("专门技术", "专有技术"))),
    EMPLOYERS(ProposalField.EMPLOYERS, true, List.of(List.of("单位名称", "用人单位名称"), List.of("单位地址", "地址"),
            List.of("联系电话", "电话"))),
    INSTITUTIONS(ProposalField.INSTITUTIONS, true, List.of(List.of("名称", "机构名称", "培训机构名称"),
            List.of("地址", "机构地址"), List.of("联系电话", "电话"))),
    /** Only from a header row: the template writes 院校名称/专业名称/主干课程 as labels, one per row. */
    SCHOOLS(ProposalField.SCHOOLS, false, List.of(List.of("院校名称", "学校名称", "院校"), List.of("专业名称", "专业"),
            List.of("主干课程", "课程")));

    private final ProposalField field;
    private final boolean openedByLabel;
    private final List<List<String>> columns;

    GridKind(ProposalField field, boolean openedByLabel, List<List<String>> columns) {
        this.field = field;
        this.openedByLabel = openedByLabel;
        this.columns = columns;
    }

    int columnCount() {
        return columns.size();
    }

    static Optional<GridKind> of(ProposalField field) {
        for (GridKind kind : values()) {
            if (kind.field == field && kind.openedByLabel) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The column a header cell names, or -1. */
    int column(String cellText) {
        String label = FormText.label(cellText);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).contains(label)) {
                return i;
            }
        }
        return -1;
    }

    /** True when a row names at least two of the columns, which a row of values never does. */
    boolean isHeader(List<Layout.Cell> cells) {
        return namedColumns(cells) >= 2;
    }

    /** How many of this table's columns a row names. */
    long namedColumns(List<Layout.Cell> cells) {
        return cells.stream().map(cell -> column(cell.text())).filter(column -> column >= 0).distinct().count();
    }
}
