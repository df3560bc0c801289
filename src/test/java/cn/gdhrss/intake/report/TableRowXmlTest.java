package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;

/**
 * The rows written as text must be the characters XMLBeans saves for the same row built with XWPF,
 * as the summary .docx was built before issue 12: each case here is saved both ways.
 */
class TableRowXmlTest {

    @Test
    void writesPlainCellsAsXmlBeansSavesThem() throws IOException {
        assertSameAsXmlBeans(List.of("1", "新职业", "数据标注员", "", "从事数据标注的人员。"), false);
    }

    @Test
    void keepsTheLastRowWithTheNextParagraph() throws IOException {
        assertSameAsXmlBeans(List.of("7", "数据标注员", "是"), true);
    }

    @Test
    void joinsNumbersAndBreaksLinesAsXmlBeansSavesThem() throws IOException {
        assertSameAsXmlBeans(List.of("张三 020-83305821\n李四 020-2", "XZY-2026-0001", "\n", "a\n\nb", "- x -", "2026-12-31 A B"), false);
    }

    @Test
    void escapesMarkupAsXmlBeansDoes() throws IOException {
        assertSameAsXmlBeans(List.of("a<b&c>d", "x]]>y", "]]]>", "\"引号\" 'apostrophe'", "tab\there", "𠀀𝄞 emoji 😀"), false);
    }

    @Test
    void writesLongTextWithManyEntitiesAsCdataAsXmlBeansDoes() throws IOException {
        assertSameAsXmlBeans(List.of(
                "研发&测试&运维&销售&售后&培训&咨询，面向<中小企业>的服务",
                "研发&测试&运维&销售&售后&培训]]>咨询]]>面向<中小企业>的服务]]>",
                "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&",
                "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&",
                "<<<<<<]]>"), false);
    }

    private static void assertSameAsXmlBeans(List<String> cells, boolean keepNext) throws IOException {
        boolean[] centred = new boolean[cells.size()];
        centred[0] = true;
        StringBuilder written = new StringBuilder();
        TableRowXml.appendRow(written, cells, centred, keepNext);
        assertThat(written.toString()).isEqualTo(savedByXmlBeans(cells, centred, keepNext));
    }

    /** The row built with XWPF as SummaryDocumentWriter built every row before, cut from the saved document.xml. */
    private static String savedByXmlBeans(List<String> cells, boolean[] centred, boolean keepNext) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFTableRow row = document.createTable(1, cells.size()).getRow(0);
            for (int index = 0; index < cells.size(); index++) {
                XWPFParagraph paragraph = row.getCell(index).getParagraphs().get(0);
                paragraph.setAlignment(centred[index] ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                appendLines(paragraph.createRun().getCTR(), cells.get(index));
            }
            if (keepNext) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    CTP content = cell.getParagraphs().get(0).getCTP();
                    (content.isSetPPr() ? content.getPPr() : content.addNewPPr()).addNewKeepNext();
                }
            }
            String xml = documentXml(document);
            return xml.substring(xml.indexOf("<w:tr>"), xml.lastIndexOf("</w:tr>") + "</w:tr>".length());
        }
    }

    private static void appendLines(CTR run, String text) {
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            if (index > 0) {
                run.addNewBr();
            }
            Matcher joint = TableRowXml.NUMBER_JOINT.matcher(lines[index]);
            int start = 0;
            while (joint.find()) {
                appendText(run, lines[index].substring(start, joint.start()));
                if (joint.group().equals("-")) {
                    run.addNewNoBreakHyphen();
                } else {
                    appendText(run, TableRowXml.NO_BREAK_SPACE);
                }
                start = joint.end();
            }
            appendText(run, lines[index].substring(start));
        }
    }

    private static void appendText(CTR run, String text) {
        if (!text.isEmpty()) {
            CTText element = run.addNewT();
            element.setStringValue(text);
            element.setSpace(SpaceAttribute.Space.PRESERVE);
        }
    }

    private static String documentXml(XWPFDocument document) throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        document.write(docx);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("no word/document.xml in the saved document");
    }
}
