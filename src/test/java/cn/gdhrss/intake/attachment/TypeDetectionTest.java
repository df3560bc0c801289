package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types come from the bytes, not the name; encryption, macros and emptiness become statuses. */
class TypeDetectionTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path temp;

    @Test
    void detectsDocxNamedBin() throws IOException {
        ExtractedFile file = only(attach("form.bin", Fixtures.document("poi_HeaderFooterUnicode.docx")));

        assertThat(file.detectedType()).isEqualTo(DOCX);
        assertThat(file.kind()).isEqualTo(AttachmentKind.PROPOSAL_FORM);
        assertThat(file.status()).isEqualTo(AttachmentStatus.OK);
    }

    @Test
    void detectsDocNamedBin() throws IOException {
        ExtractedFile file = only(attach("form.bin", Fixtures.document("poi_HeaderFooterUnicode.doc")));

        assertThat(file.detectedType()).isEqualTo("application/msword");
        assertThat(file.kind()).isEqualTo(AttachmentKind.PROPOSAL_FORM);
    }

    @Test
    void detectsXlsAsSummaryTable() throws IOException {
        ExtractedFile file = only(attach("table.bin", Fixtures.document("poi_chinese-provinces.xls")));

        assertThat(file.detectedType()).isEqualTo("application/vnd.ms-excel");
        assertThat(file.kind()).isEqualTo(AttachmentKind.SUMMARY_TABLE);
    }

    /** Issue 13: what Word and WPS save under a .doc name is a Word form to the applicant, and read as one. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "proposal_rtf-libreoffice.doc, application/rtf",
            "proposal_word2003xml-libreoffice.doc, application/vnd.ms-wordml",
            "proposal_htm-utf8-libreoffice.doc, text/html",
            "proposal_mht-gb2312-qp-handedited.doc, multipart/related",
            "proposal_strict-ooxml-handedited.docx, " + DOCX})
    void wordSavedAsRtfXmlOrWebPageUnderAWordNameIsAProposalForm(String fixture, String type) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/forms/variants", fixture));
        ExtractedFile file = only(attach("新职业建议书" + fixture.substring(fixture.lastIndexOf('.')), bytes));

        assertThat(file.detectedType()).isEqualTo(type);
        assertThat(file.kind()).isEqualTo(AttachmentKind.PROPOSAL_FORM);
        assertThat(file.status()).isEqualTo(AttachmentStatus.OK);
    }

    @Test
    void theSameWebPageUnderItsOwnNameAndPlainTextNamedDocAreNotWordForms() throws IOException {
        byte[] page = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/forms/variants/proposal_htm-utf8-libreoffice.doc"));

        assertThat(only(attach("说明.htm", page)).kind()).isEqualTo(AttachmentKind.DOCUMENT);
        assertThat(only(attach("新职业建议书.doc", "只是一段文字，不是表格。".getBytes(StandardCharsets.UTF_8))).kind())
                .isEqualTo(AttachmentKind.DOCUMENT);
    }

    @Test
    void detectsZipNamedDocxAsZip() throws IOException {
        Extraction extraction = attach("form.docx", zipOf("readme.txt", "plain text"));

        ExtractedFile archive = Fixtures.named(extraction, "form.docx");
        assertThat(archive.detectedType()).isEqualTo("application/zip");
        assertThat(archive.kind()).isEqualTo(AttachmentKind.ARCHIVE);
        assertThat(archive.declaredType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void marksDocxEncryptedByPoiAsEncrypted() throws IOException, GeneralSecurityException {
        ExtractedFile file = only(attach("加密建议书.docx", encryptedDocx("secret")));

        assertThat(file.status()).isEqualTo(AttachmentStatus.ENCRYPTED);
        assertThat(file.kind()).isEqualTo(AttachmentKind.PROPOSAL_FORM);
        assertThat(file.statusReason()).contains("密码");
        assertThat(file.sha256()).isNotNull();
    }

    @Test
    void marksPasswordProtectedDocAsEncrypted() throws IOException {
        ExtractedFile file = only(attach("a.doc", Fixtures.document("poi_password_password_cryptoapi.doc")));

        assertThat(file.status()).isEqualTo(AttachmentStatus.ENCRYPTED);
    }

    @Test
    void marksPasswordProtectedXlsAsEncrypted() throws IOException {
        ExtractedFile file = only(attach("a.xls", Fixtures.document("poi_password.xls")));

        assertThat(file.status()).isEqualTo(AttachmentStatus.ENCRYPTED);
    }

    @Test
    void treatsExcelDefaultPasswordAsReadable() throws IOException {
        ExtractedFile file = only(attach("protect.xlsx", Fixtures.document("poi_protect.xlsx")));

        assertThat(file.status()).isEqualTo(AttachmentStatus.OK);
    }

    @Test
    void marksDocmAsMacroAndStillStoresIt() throws IOException {
        ExtractedFile file = only(attach("form.docm", Fixtures.document("poi_SimpleMacro.docm")));

        assertThat(file.status()).isEqualTo(AttachmentStatus.MACRO);
        assertThat(file.kind()).isEqualTo(AttachmentKind.PROPOSAL_FORM);
        assertThat(file.sha256()).isNotNull();
    }

    @Test
    void marksDocWithMacrosStorageAsMacro() throws IOException {
        ExtractedFile file = only(attach("form.doc", Fixtures.document("poi_SimpleMacro.doc")));

        assertThat(file.status()).isEqualTo(AttachmentStatus.MACRO);
    }

    @Test
    void marksZeroByteAttachmentEmpty() throws IOException {
        ExtractedFile file = only(attach("empty.docx", new byte[0]));

        assertThat(file.status()).isEqualTo(AttachmentStatus.EMPTY);
        assertThat(file.size()).isZero();
    }

    @Test
    void marksTruncatedDocxCorrupt() throws IOException {
        ExtractedFile file = only(attach("cut.docx", Fixtures.document("poi_truncated62886.docx")));

        assertThat(file.status()).isEqualTo(AttachmentStatus.CORRUPT);
        assertThat(file.kind()).isEqualTo(AttachmentKind.PROPOSAL_FORM);
    }

    @Test
    void skipsOverLimitAttachmentAndContinues() throws IOException {
        RawMessage message = new RawMessage()
                .attachment("video.mp4", "video/mp4", new byte[4096])
                .attachment("note.txt", "text/plain", "见附件".getBytes(StandardCharsets.UTF_8));
        AttachmentLimits limits = new AttachmentLimits(4000, 500, 10, 1000, 1L << 30, 100, 3);

        Extraction extraction = Fixtures.extract(temp, message, limits);

        ExtractedFile video = Fixtures.named(extraction, "video.mp4");
        assertThat(video.status()).isEqualTo(AttachmentStatus.OVER_LIMIT);
        assertThat(video.sha256()).isNull();
        assertThat(Fixtures.named(extraction, "note.txt").status()).isEqualTo(AttachmentStatus.OK);
    }

    private Extraction attach(String name, byte[] content) throws IOException {
        return Fixtures.extract(temp, new RawMessage().text("见附件").attachment(name, DOCX, content));
    }

    private static ExtractedFile only(Extraction extraction) {
        assertThat(extraction.files()).hasSize(1);
        return extraction.files().get(0);
    }

    static byte[] zipOf(String entryName, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] encryptedDocx(String password) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("新职业建议书");
            document.write(plain);
        }
        try (POIFSFileSystem filesystem = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream out = encryptor.getDataStream(filesystem)) {
                plain.writeTo(out);
            }
            ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
            filesystem.writeFilesystem(encrypted);
            return encrypted.toByteArray();
        }
    }
}
