package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachment names as Chinese mail clients write them, decoded from raw header bytes through the whole extractor. */
class AttachmentNamesTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final byte[] CONTENT = "content".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    @Test
    void decodesGbkEncodedWordInsideQuotedFilenameLikeQqMail() throws IOException {
        String word = "=?GBK?B?" + base64("新职业建议书.docx".getBytes(GBK)) + "?=";
        RawMessage message = new RawMessage().part(
                "Content-Type: application/octet-stream; name=\"" + word + "\"\r\n"
                        + "Content-Disposition: attachment; filename=\"" + word + "\"\r\n", CONTENT);

        assertThat(onlyName(message)).isEqualTo("新职业建议书.docx");
    }

    @Test
    void decodesRfc2231ContinuationsWithGbkPercentEncoding() throws IOException {
        String encoded = percent("新职业信息汇总表.xlsx".getBytes(GBK));
        int split = encoded.indexOf('%', encoded.length() / 2);
        RawMessage message = new RawMessage().part(
                "Content-Type: application/octet-stream\r\nContent-Disposition: attachment;\r\n"
                        + " filename*0*=gbk''" + encoded.substring(0, split) + ";\r\n"
                        + " filename*1*=" + encoded.substring(split) + "\r\n", CONTENT);

        assertThat(onlyName(message)).isEqualTo("新职业信息汇总表.xlsx");
    }

    @Test
    void decodesRaw8bitUtf8Filename() throws IOException {
        RawMessage message = new RawMessage().rawHeaders(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"建议书.doc\"\r\n",
                StandardCharsets.UTF_8, CONTENT);

        assertThat(onlyName(message)).isEqualTo("建议书.doc");
    }

    @Test
    void decodesRaw8bitGbkFilename() throws IOException {
        RawMessage message = new RawMessage().rawHeaders(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"建议书.doc\"\r\n",
                GBK, CONTENT);

        assertThat(onlyName(message)).isEqualTo("建议书.doc");
    }

    @Test
    void decodesBig5EncodedWord() throws IOException {
        String word = "=?big5?B?" + base64("職業建議書.doc".getBytes(BIG5)) + "?=";
        RawMessage message = new RawMessage().part(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"" + word + "\"\r\n", CONTENT);

        assertThat(onlyName(message)).isEqualTo("職業建議書.doc");
    }

    @Test
    void decodesGb2312LabelAsGb18030SoCharactersOutsideGb2312Survive() throws IOException {
        // 镕 is in GBK/GB18030 but not in GB2312; clients label such names gb2312 anyway.
        String word = "=?gb2312?B?" + base64("朱镕基.doc".getBytes(MailCharsets.GB18030)) + "?=";
        RawMessage message = new RawMessage().part(
                "Content-Type: application/msword; name=\"" + word + "\"\r\n", CONTENT);

        assertThat(onlyName(message)).isEqualTo("朱镕基.doc");
    }

    @Test
    void joinsEncodedWordsThatSplitOneCharacter() throws IOException {
        byte[] utf8 = "建议书.doc".getBytes(StandardCharsets.UTF_8);
        String words = "=?UTF-8?B?" + base64(Arrays.copyOfRange(utf8, 0, 4)) + "?=\r\n =?UTF-8?B?"
                + base64(Arrays.copyOfRange(utf8, 4, utf8.length)) + "?=";
        RawMessage message = new RawMessage().part(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"" + words + "\"\r\n", CONTENT);

        assertThat(onlyName(message)).isEqualTo("建议书.doc");
    }

    @Test
    void keepsOnlyTheLastPathElementOfAName() throws IOException {
        RawMessage message = new RawMessage().part(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"C:\\Users\\li\\..\\a.doc\"\r\n",
                CONTENT);

        assertThat(onlyName(message)).isEqualTo("a.doc");
    }

    @Test
    void keepsTwoAttachmentsWithTheSameName() throws IOException {
        RawMessage message = new RawMessage()
                .attachment("form.doc", "application/msword", "first".getBytes(StandardCharsets.US_ASCII))
                .attachment("form.doc", "application/msword", "second".getBytes(StandardCharsets.US_ASCII));

        Extraction extraction = extract(message);

        assertThat(extraction.files()).extracting(ExtractedFile::name).containsExactly("form.doc", "form.doc");
        assertThat(extraction.files()).extracting(ExtractedFile::sha256).doesNotHaveDuplicates();
    }

    @Test
    void decodesCorpusRaw8bitChineseFilename() throws IOException, URISyntaxException {
        Extraction extraction = extractCorpus("enmime_mime-bad-8bit-filename.raw");

        assertThat(extraction.files()).extracting(ExtractedFile::name).containsExactly("管理.doc");
    }

    @Test
    void decodesCorpusRfc2231LongFilenames() throws IOException, URISyntaxException {
        Extraction extraction = extractCorpus("webklex_attachment_long_filename.eml");

        assertThat(extraction.files()).extracting(ExtractedFile::name)
                .anySatisfy(name -> assertThat(name).startsWith("Buchungsbestätigung- Rechnung-Geschäftsbedingungen"))
                .anySatisfy(name -> assertThat(name).startsWith("02_A€àäąбيد@Z-0123456789"));
    }

    @Test
    void readsCorpusBodyLabelledXGbk() throws IOException, URISyntaxException {
        Extraction extraction = extractCorpus("webklex_gbk_charset.eml");

        assertThat(extraction.bodyText()).isEqualTo("Hi");
    }

    @Test
    void decodesCorpusRussianRaw8bitFilename() throws IOException, URISyntaxException {
        Extraction extraction = extractCorpus("mime4j_russian-headers.msg");

        assertThat(extraction.files()).extracting(ExtractedFile::name).containsExactly("Список.doc");
    }

    private String onlyName(RawMessage message) throws IOException {
        Extraction extraction = extract(message);
        assertThat(extraction.files()).hasSize(1);
        return extraction.files().get(0).name();
    }

    private Extraction extract(RawMessage message) throws IOException {
        Path file = message.writeTo(temp.resolve("message.eml"));
        return extractor().extract(file);
    }

    private Extraction extractCorpus(String name) throws IOException, URISyntaxException {
        return extractor().extract(Fixtures.resource("mail/corpus/" + name));
    }

    private MessageExtractor extractor() {
        return new MessageExtractor(AttachmentLimits.defaults(), new FileStore(temp.resolve("store")), Fixtures.TYPES);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String percent(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append(b >= 0x21 && b < 0x7F && b != '%' ? String.valueOf((char) b) : String.format(java.util.Locale.ROOT, "%%%02X", b & 0xFF));
        }
        return encoded.toString();
    }
}
