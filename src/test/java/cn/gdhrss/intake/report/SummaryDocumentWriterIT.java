package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

class SummaryDocumentWriterIT {

    @TempDir
    Path directory;

    private XWPFDocument written(SummaryReport report) throws IOException {
        Path docx = directory.resolve("汇总表.docx");
        new SummaryDocumentWriter().write(report, docx);
        return new XWPFDocument(Files.newInputStream(docx));
    }

    private static List<String> texts(XWPFTableRow row) {
        return row.getTableCells().stream().map(DocxText::of).toList();
    }

    @Test
    void writesAttachmentLabelTitlePreparerAndDate() throws IOException {
        try (XWPFDocument document = written(SampleReports.guangzhou())) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).startsWith(
                    "附件2",
                    "新职业信息汇总表（广州市）",
                    "填表人及联系方式（单位盖章）：李四（广州市人力资源和社会保障局职业能力建设处）020-83000000",
                    "填报时间：2026年8月10日");
        }
    }

    @Test
    void writesTheTenHeadersInARowRepeatedOnEveryPage() throws IOException {
        try (XWPFDocument document = written(SampleReports.guangzhou())) {
            XWPFTable table = document.getTables().get(0);
            assertThat(texts(table.getRow(0))).containsExactly(
                    "序号", "申报类别", "职业（工种）名称", "备选名称", "职业（工种）定义",
                    "与相关职业（工种）的关系", "所属行业", "申报单位", "联系人及电话", "地市是否有初审");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
        }
    }

    @Test
    void numbersLinesAfreshAndWritesEveryValue() throws IOException {
        SummaryReport report = SampleReports.guangzhou();
        try (XWPFDocument document = written(report)) {
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getRows()).hasSize(report.lines().size() + 1);
            for (int index = 0; index < report.lines().size(); index++) {
                SummaryLine line = report.lines().get(index);
                assertThat(texts(table.getRow(index + 1))).containsExactly(
                        Integer.toString(index + 1), line.category(), line.name(), line.alternativeNames(), line.definition(),
                        line.related(), line.industry(), line.applicant(), line.contact(), line.cityReviewed());
            }
        }
    }

    @Test
    void keepsLineBreaksOfACell() throws IOException {
        SummaryLine base = SampleReports.line("多行员", "广州市", "新职业", "", "");
        SummaryLine twoContacts = new SummaryLine(base.category(), base.name(), base.alternativeNames(), base.definition(),
                base.related(), base.industry(), base.applicant(), "张三 020-1\r\n李四 020-2", base.cityReviewed(),
                base.city(), base.caseRef(), base.status(), base.industrySection());
        SummaryReport report = new SummaryReport("广州市", "李四", LocalDate.of(2026, 8, 10), List.of(twoContacts));
        try (XWPFDocument document = written(report)) {
            assertThat(DocxText.of(document.getTables().get(0).getRow(1).getCell(8))).isEqualTo("张三 020-1\n李四 020-2");
        }
    }

    @Test
    void endsWithTheNotesOfAttachmentTwo() throws IOException {
        try (XWPFDocument document = written(SampleReports.guangzhou())) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence(SummaryLayout.NOTES.toArray(String[]::new));
            assertThat(paragraphs.subList(paragraphs.indexOf(SummaryLayout.NOTES.get(SummaryLayout.NOTES.size() - 1)) + 1, paragraphs.size()))
                    .startsWith("未列入汇总表的申报（广州市）");
            assertThat(paragraphs).contains("备注：汇总表各项内容应该与新职业申报书对应内容保持一致。");
        }
    }

    @Test
    void laysTheSectionOutOnA4Landscape() throws IOException {
        try (XWPFDocument document = written(SampleReports.guangzhou())) {
            CTPageSz size = document.getDocument().getBody().getSectPr().getPgSz();
            assertThat(size.getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
            assertThat(size.getW()).isEqualTo(BigInteger.valueOf(16_838));
            assertThat(size.getH()).isEqualTo(BigInteger.valueOf(11_906));
        }
    }

    @Test
    void writesAHeaderAndOneBlankRowForAnEmptyPeriod() throws IOException {
        SummaryReport empty = new SummaryReport("韶关市", "王五", LocalDate.of(2026, 12, 31), List.of());
        try (XWPFDocument document = written(empty)) {
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getRows()).hasSize(2);
            assertThat(texts(table.getRow(1))).allMatch(String::isEmpty);
        }
    }
}
