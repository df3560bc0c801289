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

    /**
     * Issue 10: a raw 8-bit name too short for any detector is read in the charset the message's
     * own body part declares, under the label as clients write it; the ICU detector comes last.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "koi8-r, KOI8-R, Заявка.doc",
        "windows-1251, windows-1251, Заявка.doc",
        "iso-8859-8-i, ISO-8859-8, בקשה.docx",
        "windows-1255, windows-1255, בקשה.docx",
        "ks_c_5601-1987, x-windows-949, 신청서.docx",
        "big5, Big5-HKSCS, 職業.doc",
        "x-gbk, GBK, 建议书.doc",
        "gb2312, GB18030, 建议书.doc",
        "\"Shift_JIS (japanese)\", Shift_JIS, 申請書.docx"})
    void rawEightBitNameIsReadInTheCharsetTheBodyDeclares(String label, String bytesCharset, String name) throws IOException {
        RawMessage message = new RawMessage()
                .verbatim(("Content-Type: text/plain; charset=" + label + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
                .rawHeaders("Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"" + name + "\"\r\n",
                        Charset.forName(bytesCharset), CONTENT);

        assertThat(onlyName(message)).isEqualTo(name);
    }

    /** Without the hint the same short bytes are guessed (and guessed wrong): the hint, not luck, reads them. */
    @Test
    void withoutADeclaredCharsetTheShortNameIsOnlyGuessed() throws IOException {
        RawMessage message = new RawMessage().rawHeaders(
                "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"Заявка.doc\"\r\n",
                Charset.forName("KOI8-R"), CONTENT);

        assertThat(onlyName(message)).endsWith(".doc").isNotEqualTo("Заявка.doc");
    }

    /** A Latin-1 body does not turn a raw GBK name into accented letters, nor GBK a Latin-1 name into Chinese. */
    @Test
    void latinBodyAndGbkNameEachKeepTheirOwnCharset() throws IOException {
        byte[] latinBody = "Content-Type: text/plain; charset=iso-8859-1\r\n\r\nBonjour\r\n".getBytes(StandardCharsets.US_ASCII);
        RawMessage chinese = new RawMessage().verbatim(latinBody).rawHeaders(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"新职业建议书.doc\"\r\n", GBK, CONTENT);
        RawMessage french = new RawMessage().verbatim(latinBody).rawHeaders(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"Résumé détaillé.doc\"\r\n",
                Charset.forName("windows-1252"), CONTENT);

        assertThat(onlyName(chinese)).isEqualTo("新职业建议书.doc");
        assertThat(onlyName(french)).isEqualTo("Résumé détaillé.doc");
    }

    @Test
    void nulAndControlCharactersInARawNameNeverComeThrough() throws IOException {
        RawMessage message = new RawMessage().rawHeaders(
                "Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\"申报\u0000书\u0007\u202Ecod.doc\"\r\n",
                StandardCharsets.UTF_8, CONTENT);

        assertThat(onlyName(message)).isEqualTo("申报书cod.doc");
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
