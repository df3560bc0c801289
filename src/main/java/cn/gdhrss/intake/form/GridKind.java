package cn.gdhrss.intake.form;

import java.util.List;
import java.util.Optional;

/** The tables inside the proposal whose rows are records: 主要工作任务, 用人单位, 培训机构. */
enum GridKind {
    TASKS(ProposalField.TASKS, List.of(List.of("序号", "编号"), List.of("内容", "工作内容", "任务内容"),
            List.of("特有工具/设备", "特有工具设备", "工具/设备", "特有工具"), List.of("专门技术", "专有技术"))),
    EMPLOYERS(ProposalField.EMPLOYERS, List.of(List.of("单位名称", "用人单位名称"), List.of("单位地址", "地址"),
            List.of("联系电话", "电话"))),
    INSTITUTIONS(ProposalField.INSTITUTIONS, List.of(List.of("名称", "机构名称", "培训机构名称"),
            List.of("地址", "机构地址"), List.of("联系电话", "电话")));

    private final ProposalField field;
    private final List<List<String>> columns;

    GridKind(ProposalField field, List<List<String>> columns) {
        this.field = field;
        this.columns = columns;
    }

    int columnCount() {
        return columns.size();
    }

    static Optional<GridKind> of(ProposalField field) {
        for (GridKind kind : values()) {
            if (kind.field == field) {
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
        long named = cells.stream().map(cell -> column(cell.text())).filter(column -> column >= 0).distinct().count();
        return named >= 2;
    }
}
