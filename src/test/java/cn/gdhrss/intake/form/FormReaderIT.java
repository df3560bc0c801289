package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormReaderIT {

    @TempDir
    Path dir;

    @Test
    void passwordEncryptedDocxIsReportedAsEncrypted() throws IOException, GeneralSecurityException {
        Path plain = ProposalFixtures.write(ProposalFixtures.filled(ProposalFixtures.expected()), dir.resolve("plain.docx"));
        Path encrypted = dir.resolve("encrypted.docx");
        try (POIFSFileSystem filesystem = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(plain.toFile()); OutputStream out = encryptor.getDataStream(filesystem)) {
                pkg.save(out);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                filesystem.writeFilesystem(out);
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }

        assertSingleError(new FormReader().read(encrypted, "建议书.docx"), "FORM_ENCRYPTED", "密码");
    }

    @Test
    void randomBytesNamedDocxAreNotWord() throws IOException {
        Path file = Files.write(dir.resolve("建议书.docx"), "这不是Word文件".getBytes(StandardCharsets.UTF_8));

        assertSingleError(new FormReader().read(file, "建议书.docx"), "FORM_NOT_WORD", "Word");
    }

    @Test
    void corruptOle2BytesAreCorrupt() throws IOException {
        byte[] bytes = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        for (int i = magic.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("建议书.doc"), bytes);

        assertSingleError(new FormReader().read(file, "建议书.doc"), "FORM_CORRUPT", "损坏");
    }

    @Test
    void zipNamedDocxIsNotWord() throws IOException {
        Path file = dir.resolve("建议书.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("建议书.txt"));
            zip.write("新职业建议书".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertSingleError(new FormReader().read(file, "建议书.docx"), "FORM_NOT_WORD", "压缩包");
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws IOException {
        Path file = Files.createFile(dir.resolve("建议书.docx"));

        assertSingleError(new FormReader().read(file, "建议书.docx"), "FORM_EMPTY", "空文件");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedUnread() throws IOException {
        Path file = ProposalFixtures.write(ProposalFixtures.filled(ProposalFixtures.expected()), dir.resolve("big.docx"));

        assertSingleError(new FormReader(1024, 1000).read(file, "big.docx"), "FORM_TOO_LARGE", "MB");
    }

    @Test
    void pdfIsNotAcceptedAsTheFormButItsTextIsKept() throws IOException {
        Path file = dir.resolve("proposal.pdf");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Occupation proposal of Guangzhou");
                content.endText();
            }
            pdf.save(file.toFile());
        }
        ReadResult result = new FormReader().read(file, "proposal.pdf");

        assertSingleError(result, "FORM_NOT_WORD", "PDF");
        assertThat(result.text()).contains("Occupation proposal of Guangzhou");
    }

    @Test
    void macroEnabledDocumentIsFlaggedAndStillRead() {
        ReadResult result = Fixtures.read("corpus/poi_SimpleMacro.docm");

        assertThat(result.findings()).extracting(Finding::code).containsExactly("FORM_MACRO");
        assertThat(result.findings().get(0).message()).contains("宏");
    }

    @Test
    void docmWithTheFormIsReadAsProposalWithMacroFinding() throws IOException {
        Path docx = ProposalFixtures.write(ProposalFixtures.filled(ProposalFixtures.expected()), dir.resolve("form.docx"));
        Path docm = dir.resolve("form.docm");
        try (OPCPackage pkg = OPCPackage.open(docx.toFile())) {
            var part = pkg.getPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/word/document.xml"));
            var macro = pkg.createPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/word/vbaProject.bin"),
                    "application/vnd.ms-office.vbaProject");
            try (OutputStream out = macro.getOutputStream()) {
                out.write(new byte[] {1, 2, 3});
            }
            part.addRelationship(macro.getPartName(), org.apache.poi.openxml4j.opc.TargetMode.INTERNAL,
                    "http://schemas.microsoft.com/office/2006/relationships/vbaProject");
            pkg.save(docm.toFile());
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        ReadResult result = new FormReader().read(docm, "form.docm");

        assertThat(result.proposal()).isNotNull();
        assertThat(result.findings()).extracting(Finding::code).containsExactly("FORM_MACRO");
    }

    @Test
    void documentTitledAsOccupationalStandardIsClassifiedSo() throws IOException {
        XWPFDocument document = new XWPFDocument();
        document.createParagraph().createRun().setText("国家职业标准");
        document.createParagraph().createRun().setText("低空飞行器运维员（征求意见稿）");
        document.createParagraph().createRun().setText("1. 职业概况");

        ReadResult result = Fixtures.read(document, dir, "standard.docx");

        assertThat(result.documentClass()).isEqualTo(DocumentClass.OCCUPATIONAL_STANDARD);
        assertThat(result.isForm()).isFalse();
        assertThat(result.text()).contains("国家职业标准");
    }

    @Test
    void ordinaryLetterIsOther() throws IOException {
        XWPFDocument document = new XWPFDocument();
        document.createParagraph().createRun().setText("关于报送新职业材料的说明函");

        ReadResult result = Fixtures.read(document, dir, "letter.docx");

        assertThat(result.documentClass()).isEqualTo(DocumentClass.OTHER);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void defaultPasswordEncryptionIsReadable() {
        ReadResult result = Fixtures.read("corpus/poi_protected_agile.docx");

        assertThat(result.findings()).extracting(Finding::code).doesNotContain("FORM_ENCRYPTED");
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.resource("corpus"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("poi")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void hostileCorpusFileGivesAResultNeverAnException(String name) {
        ReadResult result = Fixtures.read("corpus/" + name);

        assertThat(result).isNotNull();
        assertThat(result.text().length()).isLessThanOrEqualTo(FormReader.DEFAULT_MAX_TEXT_CHARS);
        assertThat(result.allFindings()).allSatisfy(finding -> assertThat(finding.message()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("encryptedCorpus")
    void encryptedCorpusFilesAreReportedAsEncrypted(String name) {
        assertThat(Fixtures.read("corpus/" + name).findings()).extracting(Finding::code).containsExactly("FORM_ENCRYPTED");
    }

    static List<String> encryptedCorpus() {
        return List.of("poi_PasswordProtected.doc", "poi_password_password_cryptoapi.doc", "poi_password_tika_binaryrc4.doc",
                "poi_bug53475-password-is-pass.docx", "poi_bug53475-password-is-solrcell.docx", "poi_password.xls",
                "poi_protected_passtika.xlsx", "poi_extenxls_pwd123.xlsx", "poi_60320-protected.xlsx");
    }

    @Test
    void xmlBombIsRefusedAsCorrupt() {
        assertThat(Fixtures.read("corpus/poi_poc-xmlbomb.xlsx").findings()).extracting(Finding::code)
                .containsExactly("FORM_CORRUPT");
    }

    @Test
    void externalEntityIsNeverResolved() {
        ReadResult result = Fixtures.read("corpus/poi_ExternalEntityInText.docx");

        assertThat(result.text()).doesNotContain("root:");
    }

    /** A .docx of a few hundred KB whose document.xml unpacks to about 60 MB of paragraphs. */
    private Path paragraphBomb() throws IOException {
        Path file = dir.resolve("bomb.docx");
        String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"" + w + "\"><w:body>").getBytes(StandardCharsets.UTF_8));
            byte[] paragraph = "<w:p><w:r><w:t>新职业建议书</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1_200_000; i++) {
                zip.write(paragraph);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void zipBombDocumentIsRefusedByPoisInflateRatioGuard() throws IOException {
        ReadResult result = new FormReader().read(paragraphBomb(), "bomb.docx");

        assertSingleError(result, "FORM_CORRUPT", "损坏");
    }

    @Test
    void zipBombIsRefusedEvenAfterTikaLoweredPoisGuard() throws IOException {
        // Loading Tika's OOXML parser (as the attachment package does) sets POI's global inflate ratio.
        new org.apache.tika.parser.microsoft.ooxml.OOXMLParser();
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.00001);

        assertSingleError(new FormReader().read(paragraphBomb(), "bomb.docx"), "FORM_CORRUPT", "损坏");
    }

    @Test
    void smallZipThatUnpacksFarBeyondTheLimitIsTooLarge() throws IOException {
        Path file = paragraphBomb();

        assertSingleError(new FormReader(Files.size(file) + 1, 1000).read(file, "bomb.docx"), "FORM_TOO_LARGE", "MB");
    }

    private static void assertSingleError(ReadResult result, String code, String messagePart) {
        assertThat(result.isForm()).isFalse();
        assertThat(result.findings()).hasSize(1);
        Finding finding = result.findings().get(0);
        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.isError()).isTrue();
        assertThat(finding.message()).contains(messagePart);
    }
}
