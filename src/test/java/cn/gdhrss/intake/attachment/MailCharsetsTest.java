package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10, "Every charset": labels Java does not know, raw 8-bit bytes, detection, control characters. */
class MailCharsetsTest {

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    @ParameterizedTest
    @CsvSource({
        "iso-8859-8-i, ISO-8859-8",
        "ISO-8859-8-I, ISO-8859-8",
        "ks_c_5601-1987, x-windows-949",
        "x-gbk, GB18030",
        "gb2312, GB18030",
        "GB2312, GB18030",
        "\"gbk\", GB18030",
        "big5, Big5-HKSCS",
        "utf8, UTF-8",
        "utf-8lang, UTF-8",
        "'gb2312 (simplified chinese)', GB18030",
        "windows-1251x, windows-1251",
        "iso-8859-1, windows-1252"})
    void labelsAreReadAsMailClientsReadThem(String label, String charset) {
        assertThat(MailCharsets.forLabel(label)).contains(Charset.forName(charset));
    }

    @Test
    void unknownAndMeaninglessLabelsAreUnlabelled() {
        assertThat(MailCharsets.forLabel("X-IAS-German")).isEmpty();
        assertThat(MailCharsets.forLabel("us-ascii")).isEmpty();
        assertThat(MailCharsets.forLabel("unknown-8bit")).isEmpty();
    }

    @Test
    void gb2312LabelKeepsCharactersOutsideGb2312() {
        assertThat(MailCharsets.decode(bytes("申报单位：广东喆𬌗科技", "GB18030"), "gb2312")).isEqualTo("申报单位：广东喆𬌗科技");
    }

    @Test
    void big5LabelKeepsHongKongCharacters() {
        assertThat(MailCharsets.decode(bytes("香港職業訓練局：㗎", "Big5-HKSCS"), "big5")).isEqualTo("香港職業訓練局：㗎");
    }

    @Test
    void koreanHeaderLabelledKsC5601IsKorean() {
        assertThat(EncodedWords.decode("=?ks_c_5601-1987?B?seggx/bB+A==?=")).isEqualTo("김 현진");
    }

    @ParameterizedTest
    @CsvSource({
        "新职业建议书（数字孪生应用工程师）.docx, GB18030",
        "广州市人力资源和社会保障局关于报送新职业信息的函, GB18030",
        "Martin Bülow Larsen – Réunion à Zürich, windows-1252",
        "Отчёт о проверке документов для службы занятости, windows-1251",
        "'Привет, как дела? Высылаю документы по новой профессии', KOI8-R",
        "'שלום, מצורפים המסמכים לבקשה החדשה', windows-1255",
        "職業訓練局申請新職業資料，請查收附件內容，謝謝您的協助, Big5"})
    void rawEightBitTextIsDecodedInItsOwnCharsetNeverForcedIntoGbk(String text, String charset) {
        assertThat(MailCharsets.decodeUnlabelled(bytes(text, charset))).isEqualTo(text);
    }

    @Test
    void rawEightBitHeaderIsReadWithTheMessagesOwnCharsetAsHint() {
        String raw = new String(bytes("Иван Петров <ivan@example.ru>", "KOI8-R"), StandardCharsets.ISO_8859_1);
        List<Charset> hints = MailCharsets.declaredIn("Content-Type: text/plain; charset=\"koi8-r\"");

        assertThat(hints).containsExactly(Charset.forName("KOI8-R"));
        assertThat(EncodedWords.decode(raw, hints)).isEqualTo("Иван Петров <ivan@example.ru>");
    }

    @Test
    void declaredCharsetsAreFoundInOrderWhateverTheirCaseAndAmongBase64() {
        String text = "--b\r\nContent-Type: text/plain; CHARSET = \"GB2312\"\r\n\r\nY2hhcnNldD0=\r\n"
                + "Subject: =?Big5?B?pKSk5A==?= =?utf-8*zh?Q?=E4=B8=AD?=\r\n=?bogus charset=koi8-r;"
                + "x".repeat(70_000) + " charset=windows-1251";

        assertThat(MailCharsets.declaredIn(text)).containsExactly(MailCharsets.forLabel("gb2312").orElseThrow(),
                MailCharsets.forLabel("big5").orElseThrow(), StandardCharsets.UTF_8, Charset.forName("KOI8-R"), Charset.forName("windows-1251"));
    }

    @Test
    void big5BodyLabelledUsAsciiIsDetectedAsBig5() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("src/test/resources/mail/corpus/enmime_chardet-success-big-5.raw"));
        int body = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        byte[] big5 = java.util.Base64.getMimeDecoder().decode(Arrays.copyOfRange(raw, body, raw.length));
        String text = MailCharsets.decode(big5, "us-ascii");

        assertThat(text).contains("的").doesNotContain("\uFFFD");
        assertThat(text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count())
                .isGreaterThan(100);
    }

    @Test
    void nulAndControlCharactersNeverComeThrough() {
        String decoded = EncodedWords.decode("=?utf-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "申报\u0000书\u0007\u001b[31m.docx\u202Excod.exe".getBytes(StandardCharsets.UTF_8)) + "?=");

        assertThat(decoded).isEqualTo("申报书[31m.docxxcod.exe");
        assertThat(MailCharsets.decodeUnlabelled("a\u0000b\tc\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("ab\tc\n");
        assertThat(MailCharsets.decode(new byte[] {0x41, (byte) 0x85, 0x42}, StandardCharsets.ISO_8859_1)).isEqualTo("AB");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
