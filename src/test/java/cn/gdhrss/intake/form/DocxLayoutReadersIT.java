package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed reader FormReader uses and the POI-model reader ProposalReader offers see the same lines. */
class DocxLayoutReadersIT {

    @TempDir
    Path dir;

    @Test
    void streamedLayoutEqualsPoiModelLayoutOnEveryDocxFixture() throws Exception {
        List<Path> files = List.of(
                Fixtures.resource("template-proposal.docx"), Fixtures.resource("testDOCX_filled_libreoffice.docx"),
                Fixtures.resource("template-summary.docx"), Fixtures.resource("testDOCX_summary_libreoffice.docx"),
                ProposalFixtures.write(ProposalVariants.messyLabels(), dir.resolve("messy.docx")),
                ProposalFixtures.write(ProposalVariants.textBesideTables(), dir.resolve("beside.docx")),
                ProposalFixtures.write(ProposalVariants.withCategoryLine("(■)新职业"), dir.resolve("tick.docx")));
        for (Path file : files) {
            assertThat(streamed(file)).as(file.getFileName().toString()).isEqualTo(modelled(file));
        }
    }

    private static Layout streamed(Path file) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile())) {
            var part = pkg.getPartsByName(java.util.regex.Pattern.compile("/word/document.xml")).get(0);
            return new DocxXmlLayoutReader().read(part::getInputStream);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static Layout modelled(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
            return new DocxLayoutReader().read(document);
        }
    }
}
