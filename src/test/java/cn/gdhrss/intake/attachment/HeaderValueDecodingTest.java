package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HeaderValueDecodingTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static String b(String charset, byte[] bytes) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesGb2312LabelAsGb18030SoCharactersOutsideGb2312Survive() {
        // 镕 is in GBK but not in GB2312: clients label such text gb2312 all the same.
        String word = b("gb2312", "朱镕基职业申报".getBytes(GB18030));
        assertThat(EncodedWords.decode(word)).isEqualTo("朱镕基职业申报");
    }

    @Test
    void joinsAdjacentEncodedWordsThatSplitOneCharacter() {
        byte[] bytes = "新职业建议书".getBytes(StandardCharsets.UTF_8);
        String first = b("UTF-8", java.util.Arrays.copyOfRange(bytes, 0, 4));
        String second = b("UTF-8", java.util.Arrays.copyOfRange(bytes, 4, bytes.length));
        assertThat(EncodedWords.decode(first + "\r\n " + second)).isEqualTo("新职业建议书");
    }

    @Test
    void toleratesBase64WithoutPadding() {
        String word = b("gbk", "申报".getBytes(GB18030)).replace("=?=", "?=").replace("==?=", "?=");
        assertThat(EncodedWords.decode(word)).isEqualTo("申报");
    }

    @Test
    void decodesRawUtf8HeaderBytes() {
        assertThat(EncodedWords.decode(latin1("关于申报新职业".getBytes(StandardCharsets.UTF_8)))).isEqualTo("关于申报新职业");
    }

    @Test
    void decodesRawGbkHeaderBytesWhenTheyAreNotUtf8() {
        assertThat(EncodedWords.decode(latin1("关于申报新职业".getBytes(GB18030)))).isEqualTo("关于申报新职业");
    }

    @Test
    void decodesBig5AndQuotedPrintableWords() {
        String big5 = b("big5", "職業".getBytes(Charset.forName("Big5")));
        assertThat(EncodedWords.decode(big5 + " =?utf-8?Q?=E5=BB=BA=E8=AE=AE_x?=")).isEqualTo("職業建议 x");
    }

    @Test
    void keepsTextBetweenWordsThatIsNotWhiteSpace() {
        assertThat(EncodedWords.decode("Re: " + b("utf-8", "回执".getBytes(StandardCharsets.UTF_8)) + " [XZY-2026-0001]"))
                .isEqualTo("Re: 回执 [XZY-2026-0001]");
    }
}
