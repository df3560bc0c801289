package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/** The summary's sheet XML must be the bytes POI's own SheetDataWriter writes for the same rows. */
class SummarySheetDataWriterTest {

    @Test
    void writesTextCellsAsPoiDoes() throws IOException {
        assertSameAsPoi(List.of("数据标注员", "", " leading", "trailing ", "\tblank", "a<b>&\"c'd",
                "line\nbreak\r\ttab", "no\u00A0break", "control\u0001\u001F", "not\uFFFE\uFFFFa character",
                "𠮷野家 😀", "lone \uD800 high", "lone \uDC00 low", "end \uD83D"));
    }

    @Test
    void writesNumbersStylesAndOtherCellsAsPoiDoes() throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle style = workbook.createCellStyle();
            SXSSFRow row = workbook.createSheet().createRow(41);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue(2.5);
            row.createCell(2).setCellValue(1e20);
            row.getCell(2).setCellStyle(style);
            row.createCell(3).setCellValue(true);
            row.createCell(5).setCellValue("after a gap");
            row.getCell(5).setCellStyle(style);
            row.createCell(40).setCellValue("column AO");
            row.createCell(41).setCellValue(3);
            assertThat(written(new SummarySheetDataWriter(), row)).isEqualTo(writtenByPoi(row));
        }
    }

    private static void assertSameAsPoi(List<String> texts) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFRow row = workbook.createSheet().createRow(1234);
            for (int column = 0; column < texts.size(); column++) {
                row.createCell(column).setCellValue(texts.get(column));
            }
            assertThat(written(new SummarySheetDataWriter(), row)).isEqualTo(writtenByPoi(row));
        }
    }

    private static byte[] writtenByPoi(SXSSFRow row) throws IOException {
        return written(new SheetDataWriter(), row);
    }

    /** The bytes of the writer's temporary sheet file, UTF-8 encoded by its own writer. */
    private static byte[] written(SheetDataWriter writer, SXSSFRow row) throws IOException {
        writer.writeRow(row.getRowNum(), row);
        writer.close();
        try (InputStream in = writer.getWorksheetXMLInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("<row r=\"" + (row.getRowNum() + 1) + "\"");
            return bytes.toByteArray();
        }
    }
}
