package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts back the cells of rows whose vertically merged cells a converter dropped instead of marking
 * (LibreOffice's HTML and "Word 2003 XML" exports): such a row ends short of the table's grid. The
 * cells missing are those under the labels of the last full row (labels are what forms merge
 * down), so the short row's cells take the places of that row's other cells, in order; when the
 * counts disagree the row is moved to end at the grid's right edge. One instance per table.
 */
final class ShortRows {

    private List<Layout.Cell> reference = List.of();

    /**
     * @param end the grid column after the row's last cell
     * @param gridColumns the columns the table declares; 0 when unknown (the row is kept)
     */
    List<Layout.Cell> align(List<Layout.Cell> row, int end, int gridColumns) {
        boolean merged = row.stream().anyMatch(Layout.Cell::continuation);
        if (merged || row.isEmpty() || gridColumns == 0 || end >= gridColumns) {
            if (!row.isEmpty() && end >= gridColumns) {
                reference = List.copyOf(row);
            }
            return row;
        }
        List<Layout.Cell> values = reference.stream().filter(cell -> ProposalField.find(cell.text()).isEmpty()).toList();
        List<Layout.Cell> aligned = new ArrayList<>();
        if (values.size() == row.size()) {
            for (int i = 0; i < row.size(); i++) {
                aligned.add(new Layout.Cell(row.get(i).text(), values.get(i).left(), values.get(i).right(), false));
            }
            return aligned;
        }
        int shift = gridColumns - end;
        for (Layout.Cell cell : row) {
            aligned.add(new Layout.Cell(cell.text(), cell.left() + shift, cell.right() + shift, false));
        }
        return aligned;
    }
}
