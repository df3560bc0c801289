package cn.gdhrss.intake.report;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The streamed sheet XML of a summary, byte for byte what POI's {@link SheetDataWriter} writes
 * (inline strings, no shared-strings table), with less work per cell (issue 12): text and number
 * cells are written straight into the UTF-8 buffer, escaped in the same pass, without building a
 * {@link CellReference} for each; every other kind of cell goes through POI as before.
 */
final class SheetXmlWriter extends SheetDataWriter {
    /** The 1-based number of the row being written, as text. */
    private String rowNumber = "";
    private String[] columnNames = new String[16];

    SheetXmlWriter() throws IOException {
        super();
    }

    /** Called by the super constructor: no field of this class is set yet. */
    @Override
    public Writer createWriter(File file) throws IOException {
        return new UnsynchronizedUtf8Writer(decorateOutputStream(new FileOutputStream(file)));
    }

    @Override
    public void writeRow(int rownum, SXSSFRow row) throws IOException {
        rowNumber = Integer.toString(rownum + 1);
        super.writeRow(rownum, row);
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        if (cell == null || (cell.getCellType() != CellType.STRING && cell.getCellType() != CellType.NUMERIC)) {
            super.writeCell(columnIndex, cell);
            return;
        }
        UnsynchronizedUtf8Writer xml = (UnsynchronizedUtf8Writer) _out;
        xml.writeAscii("<c r=\"");
        xml.writeAscii(columnName(columnIndex));
        xml.writeAscii(rowNumber);
        int style = cell.getCellStyle().getIndex() & 0xffff;
        if (style != 0) {
            xml.writeAscii("\" s=\"");
            xml.writeAscii(Integer.toString(style));
        }
        if (cell.getCellType() == CellType.STRING) {
            String value = cell.getStringCellValue();
            xml.writeAscii(hasOuterWhitespace(value) ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t>");
            xml.writeEscaped(value);
            xml.writeAscii("</t></is></c>");
        } else {
            xml.writeAscii("\" t=\"n\"><v>");
            xml.writeAscii(Double.toString(cell.getNumericCellValue()));
            xml.writeAscii("</v></c>");
        }
    }

    private String columnName(int columnIndex) {
        if (columnIndex >= columnNames.length) {
            columnNames = Arrays.copyOf(columnNames, Math.max(columnIndex + 1, 2 * columnNames.length));
        }
        String name = columnNames[columnIndex];
        if (name == null) {
            name = CellReference.convertNumToColString(columnIndex);
            columnNames[columnIndex] = name;
        }
        return name;
    }

    /** When POI marks the text {@code xml:space="preserve"}. */
    private static boolean hasOuterWhitespace(String text) {
        return !text.isEmpty() && (isWhitespace(text.charAt(0)) || isWhitespace(text.charAt(text.length() - 1)));
    }

    /**
     * {@link Character#isWhitespace(char)}, asked of the Unicode tables only where a whitespace
     * character can be: a cell's first or last character is most often a letter or a CJK character.
     */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= '\u1680' && c <= '\u3000') && Character.isWhitespace(c);
    }
}
