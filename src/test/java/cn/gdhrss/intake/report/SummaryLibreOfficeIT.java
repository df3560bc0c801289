package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 5 and 8: the files open cleanly in LibreOffice and print as the office needs them.
 * Converts them to PDF with one headless soffice (packages libreoffice-calc, libreoffice-writer,
 * fonts-noto-cjk) and reads the text of each page back: 附件2 at the top left, 第 n 页，共 m 页 on
 * every page, 备注 on the page of the table's last row, numbers whole, each 统计 table with its chart.
 */
@Tag("libreoffice")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryLibreOfficeIT {

    /** Three characters, so no column wraps it and the PDF text keeps it whole. */
    private static final String SHORT_NAME = "碳汇员";
    private static final String LAST_NAME = "末行员";
    private static final long CONVERSION_TIMEOUT_SECONDS = 300;
    /**
     * Tables of so many one-line rows end near the foot of the first page: without keep-with-next,
     * LibreOffice prints the first notes of 备注 there and the rest on the next page.
     */
    private static final List<Integer> NEAR_PAGE_END = List.of(8, 9, 10, 11, 12);

    private Path directory;

    @BeforeAll
    void writeAndConvert(@TempDir Path temporary) throws IOException, InterruptedException {
        assumeTrue(sofficeOnPath(), "soffice is not on PATH; install libreoffice-calc and libreoffice-writer");
        directory = temporary;
        List<Path> files = new ArrayList<>();
        files.add(directory.resolve("summary.docx"));
        new SummaryDocumentWriter().write(report(), files.get(0));
        files.add(directory.resolve("workbook.xlsx"));
        new SummaryWorkbookWriter().write(report(), files.get(1));
        for (int count : NEAR_PAGE_END) {
            Path docx = directory.resolve("rows" + count + ".docx");
            new SummaryDocumentWriter().write(shortRows(count), docx);
            files.add(docx);
        }
        convert(files);
    }

    private static boolean sofficeOnPath() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "soffice")));
    }

    private static SummaryReport report() {
        List<ExcludedLine> excluded = List.of(new ExcludedLine("XZY-2026-0012", LocalDate.of(2026, 8, 3), "广州市", "", "",
                "wangwu@example.net", "待补正", "没有可用的《新职业建议书》Word 电子版", "", ""));
        return new SummaryReport("广州市", "李四 020-83000000", LocalDate.of(2026, 8, 10), List.of(
                SampleReports.line(SHORT_NAME, "广州市", "新职业", "A 农、林、牧、渔业", "已收到"),
                SampleReports.line("低空物流调度员", "广州市", "新工种", "G 交通运输、仓储和邮政业", "已收到")),
                excluded, List.of("广州市"));
    }

    /** {@code count} one-line rows, the last named {@value #LAST_NAME}. */
    private static SummaryReport shortRows(int count) {
        List<SummaryLine> lines = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            SummaryLine base = SampleReports.line(index == count - 1 ? LAST_NAME : "调度员", "广州市", "新职业", "", "已收到");
            lines.add(new SummaryLine(base.category(), base.name(), "无", "从事低空物流调度的人员。", "无", "航空运输业",
                    "广州低空公司", base.contact(), base.cityReviewed(), base.city(), base.caseRef(), base.status(), ""));
        }
        return new SummaryReport("广州市", "李四", LocalDate.of(2026, 8, 10), lines);
    }

    /** Converts every file in one soffice run with a private user profile, so another soffice cannot block it. */
    private void convert(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + directory.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", directory.toString()));
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(CONVERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("soffice finished").isTrue();
    }

    /** The text of each page of the PDF made from {@code name}, blanks removed (the PDF spaces Latin runs apart). */
    private List<String> pages(String name) throws IOException {
        Path pdf = directory.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        assertThat(pdf).as("PDF written; soffice said: %s", Files.readString(directory.resolve("soffice.log"))).exists();
        List<String> pages = new ArrayList<>();
        try (PDDocument loaded = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= loaded.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(loaded).replaceAll("[ \\t\\u00A0]", ""));
            }
        }
        return pages;
    }

    @Test
    void convertsWorkbookToPdfWithTitleAndChineseCells() throws IOException {
        String text = String.join("", pages("workbook.xlsx"));
        assertThat(text).contains("新职业信息汇总表（广州市）", SHORT_NAME, "按地市统计", "未列入汇总表的申报（广州市）", "XZY-2026-0012");
    }

    @Test
    void printsEachStatisticsTableWithItsWholeChartOnAPageAndWholeNumbersOnTheAxis() throws IOException {
        List<String> pages = pages("workbook.xlsx");
        for (String caption : List.of("按地市统计", "按申报类别统计", "按行业门类统计", "按状态统计")) {
            // Once as the table's caption, once as the chart's title: both on one page.
            assertThat(pages).as(caption).filteredOn(page -> page.contains(caption)).singleElement()
                    .satisfies(page -> assertThat(page.split(caption, -1)).hasSize(3));
        }
        assertThat(pages.stream().filter(page -> page.contains("按状态统计"))).noneMatch(page -> page.matches("(?s).*\\d\\.\\d.*"));
    }

    @Test
    void documentMarksAttachmentTwoAtTheTopLeftOfTheFirstPage() throws IOException {
        Path pdf = directory.resolve("summary.pdf");
        try (PDDocument loaded = Loader.loadPDF(pdf.toFile())) {
            List<TextPosition> first = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (first.isEmpty()) {
                        first.addAll(positions);
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(loaded);
            assertThat(first).extracting(TextPosition::getUnicode).startsWith("附", "件");
            float pageWidth = loaded.getPage(0).getMediaBox().getWidth();
            assertThat(first.get(0).getXDirAdj()).isLessThan(pageWidth / 10);
            assertThat(first.get(0).getYDirAdj()).isLessThan(loaded.getPage(0).getMediaBox().getHeight() / 6);
        }
    }

    @Test
    void documentNumbersEveryPageInItsFooter() throws IOException {
        List<String> pages = pages("summary.docx");
        assertThat(pages).hasSizeGreaterThan(1);
        for (int page = 0; page < pages.size(); page++) {
            assertThat(pages.get(page)).contains("第" + (page + 1) + "页，共" + pages.size() + "页");
        }
    }

    @Test
    void documentKeepsNumbersWholeAndListsTheExcludedCase() throws IOException {
        String text = String.join("", pages("summary.docx"));
        assertThat(text).contains("新职业信息汇总表（广州市）", SHORT_NAME, "备注", "020-12345678", "XZY-2026-0012", "2026-08-03",
                "未列入汇总表的申报（广州市）");
    }

    @Test
    void notesStayOnThePageOfTheTablesLastRow() throws IOException {
        for (int count : NEAR_PAGE_END) {
            List<String> pages = pages("rows" + count + ".docx");
            assertThat(pages).as("%d rows", count).filteredOn(page -> page.contains(LAST_NAME)).singleElement()
                    .satisfies(page -> assertThat(page).contains("备注：", "5.所属行业"));
        }
    }
}
