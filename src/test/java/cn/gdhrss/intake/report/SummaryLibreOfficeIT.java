package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: the files open cleanly in LibreOffice. Converts them to PDF with a headless soffice
 * (packages libreoffice-calc, libreoffice-writer, fonts-noto-cjk) and reads the text back.
 */
@Tag("libreoffice")
class SummaryLibreOfficeIT {

    /** Three characters, so no column wraps it and the PDF text keeps it whole. */
    private static final String SHORT_NAME = "碳汇员";
    private static final long CONVERSION_TIMEOUT_SECONDS = 180;

    @TempDir
    Path directory;

    @BeforeAll
    static void requireLibreOffice() {
        assumeTrue(sofficeOnPath(), "soffice is not on PATH; install libreoffice-calc and libreoffice-writer");
    }

    private static boolean sofficeOnPath() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "soffice")));
    }

    private static SummaryReport report() {
        return new SummaryReport("广州市", "李四 020-83000000", LocalDate.of(2026, 8, 10), List.of(
                SampleReports.line(SHORT_NAME, "广州市", "新职业", "A 农、林、牧、渔业", "已受理"),
                SampleReports.line("低空物流调度员", "广州市", "新工种", "G 交通运输、仓储和邮政业", "已受理")));
    }

    /** Converts with a private user profile, so a soffice that another user runs cannot block it. */
    private String pdfText(Path document) throws IOException, InterruptedException {
        Path profile = directory.resolve("profile");
        Process process = new ProcessBuilder(
                        "soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", directory.toString(), document.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("soffice.log").toFile())
                .start();
        assertThat(process.waitFor(CONVERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        String name = document.getFileName().toString();
        Path pdf = directory.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        assertThat(pdf).as("PDF written; soffice said: %s", Files.readString(directory.resolve("soffice.log"))).exists();
        try (PDDocument loaded = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(loaded);
        }
    }

    @Test
    void convertsWorkbookToPdfWithTitleAndChineseCells() throws IOException, InterruptedException {
        Path xlsx = directory.resolve("summary.xlsx");
        new SummaryWorkbookWriter().write(report(), xlsx);
        String text = pdfText(xlsx);
        assertThat(text).contains("新职业信息汇总表（广州市）", SHORT_NAME, "按地市统计");
    }

    @Test
    void convertsDocumentToPdfWithTitleAndChineseCells() throws IOException, InterruptedException {
        Path docx = directory.resolve("summary.docx");
        new SummaryDocumentWriter().write(report(), docx);
        String text = pdfText(docx);
        assertThat(text).contains("新职业信息汇总表（广州市）", SHORT_NAME, "备注");
    }
}
