package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/**
 * The summary's sheet XML must be the bytes POI's own {@link SheetDataWriter} writes for the same
 * cells, as the 汇总表 was written before issue 12: each case here is written both ways.
 */
class SheetXmlWriterTest {

    @Test
    void writesPlainTextAndNumbersAsPoiDoes() throws IOException {
        assertSameAsPoi(List.of("新职业", "数据标注员", "", "张三 020-83305821", "是"));
    }

    @Test
    void marksTextWithOuterWhitespaceAsPoiDoes() throws IOException {
        assertSameAsPoi(List.of(" 前导空格", "尾随空格 ", "\t制表", "换行\n", "\u3000全角空格", "中间 空格"));
    }

    @Test
    void escapesMarkupLineEndsAndNoBreakSpaceAsPoiDoes() throws IOException {
        assertSameAsPoi(List.of("a<b&c>d", "\"引号\" 'apostrophe'", "第一行\n第二行", "回车\r符", "tab\there", "020\u00A083305821", "x]]>y"));
    }

    @Test
    void replacesWhatXmlCannotCarryAsPoiDoes() throws IOException {
        assertSameAsPoi(List.of("控制\u0001\u0008\u001F字符", "\uFFFE\uFFFF非字符", "孤\uD800高", "孤\uDC00低", "\uD800\uD800", "末尾\uD800"));
    }

    @Test
    void encodesEveryUtf8LengthAsPoiDoes() throws IOException {
        assertSameAsPoi(List.of("ascii é ü ñ ©", "中文", "𠀀𝄞 emoji 😀", "\u2028\u07FF\u0800\uFFFD", "中".repeat(30_000), "x".repeat(32_767)));
    }

    private static void assertSameAsPoi(List<String> texts) throws IOException {
        assertThat(sheetXml(texts, true)).isEqualTo(sheetXml(texts, false));
    }

    /** The first sheet's XML of a workbook holding {@code texts} in rows of text, numbers, a blank and a boolean cell. */
    private static String sheetXml(List<String> texts, boolean fast) throws IOException {
        try (SXSSFWorkbook workbook = fast ? new FastWorkbook() : new SXSSFWorkbook()) {
            SXSSFSheet sheet = workbook.createSheet("汇总表");
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            for (int index = 0; index < texts.size(); index++) {
                Row row = sheet.createRow(index * 2);
                row.setHeightInPoints(13.5f * (index + 1) + 3);
                row.createCell(0).setCellValue(index + 1);
                row.createCell(1).setCellValue(texts.get(index));
                row.getCell(1).setCellStyle(style);
                row.createCell(27).setCellValue(0.1 * index);
                row.createCell(28);
                row.createCell(30).setCellValue(index % 2 == 0);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            workbook.dispose();
            return entry(bytes.toByteArray(), "xl/worksheets/sheet1.xml");
        }
    }

    /** The text of one entry, read with commons-compress: java.util.zip's stream reader rejects the sizes POI's entries give. */
    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("no " + name);
    }

    private static final class FastWorkbook extends SXSSFWorkbook {
        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetXmlWriter();
        }
    }
}
