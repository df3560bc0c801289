package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryTableReaderIT {

    @TempDir
    Path dir;

    @Test
    void poiFilledXlsxReadsEveryRowAndTheCityFromTheTitle() throws IOException {
        Path file = dir.resolve("汇总表.xlsx");
        try (XSSFWorkbook workbook = SummaryFixtures.filledWorkbook(SummaryFixtures.expected());
                OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        ReadResult result = new FormReader().read(file, "汇总表.xlsx");

        assertThat(result.documentClass()).isEqualTo(DocumentClass.SUMMARY_TABLE);
        assertThat(result.summaryTable()).isEqualTo(SummaryFixtures.expected());
    }

    @Test
    void poiFilledDocxReadsEveryRow() throws IOException {
        ReadResult result = Fixtures.read(SummaryFixtures.filledDocument(SummaryFixtures.expected()), dir, "汇总表.docx");

        assertThat(result.summaryTable()).isEqualTo(SummaryFixtures.expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"testXLS_summary_libreoffice.xls", "testDOC_summary_libreoffice.doc",
        "testDOCX_summary_libreoffice.docx"})
    void libreOfficeConvertedTableReadsEveryRow(String name) {
        assertThat(Fixtures.read(name).summaryTable()).isEqualTo(SummaryFixtures.expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"template-summary.xlsx", "template-summary.docx"})
    void blankTemplateHasNoRowsAndNoCity(String name) {
        SummaryTable table = Fixtures.read(name).summaryTable();

        assertThat(table).isEqualTo(new SummaryTable("", "", null, "", java.util.List.of(), java.util.List.of()));
    }

    @Test
    void unreadableReviewedCellIsNullWithAWarning() throws IOException {
        Path file = dir.resolve("汇总表.xlsx");
        try (XSSFWorkbook workbook = SummaryFixtures.filledWorkbook(SummaryFixtures.expected());
                OutputStream out = Files.newOutputStream(file)) {
            workbook.getSheetAt(0).getRow(4).getCell(9).setCellValue("待定");
            workbook.write(out);
        }
        SummaryTable table = new FormReader().read(file, "汇总表.xlsx").summaryTable();

        assertThat(table.rows().get(0).cityReviewed()).isNull();
        assertThat(table.findings()).extracting(Finding::code, Finding::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SUMMARY_CITY_REVIEWED_UNREADABLE",
                        "rows[0].city_reviewed"));
    }
}
