package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.attachment.MailAddresses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.casefile.CaseReferences;
import org.junit.jupiter.api.Test;

class HeaderSafeTest {
    @Test
    void controlCharactersAndLineBreaksBecomeSpaces() {
        assertThat(HeaderSafe.text("回执\r\nBcc: x@y.cn\u0000\u2028末尾", 100)).isEqualTo("回执 Bcc: x@y.cn 末尾");
    }

    @Test
    void longTextIsCutByCodePoints() {
        assertThat(HeaderSafe.text("职".repeat(200), 10)).isEqualTo("职".repeat(10) + "…");
    }

    @Test
    void messageIdWithBracketsInsideIsRefused() {
        assertThat(HeaderSafe.messageId("<a>b@c.cn")).isEmpty();
        assertThat(HeaderSafe.messageId("<abc.1@mail.example.cn>")).contains("abc.1@mail.example.cn");
    }

    @Test
    void addressesKeepOnlyTheValidBareAddress() {
        assertThat(MailAddresses.parse("=?UTF-8?B?5byg5LiJ?= <ZhangSan@Example.CN>, bad@@x")).containsExactly("zhangsan@example.cn");
        assertThat(MailAddresses.parse("\"x\r\nBcc: v@w.cn\" <a@b.cn>")).containsExactly("a@b.cn");
    }

    @Test
    void referencesAreFoundAsTypedInChineseClients() {
        assertThat(CaseReferences.find("回复：[xzy－2026－1] 补正 XZY-2026-0002")).containsExactly("XZY-2026-0001", "XZY-2026-0002");
    }

    @Test
    void attachmentSizesAndDurationsReadAsChinese() {
        assertThat(AttachmentText.size(512)).isEqualTo("512 字节");
        assertThat(AttachmentText.size(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
        assertThat(AttachmentText.duration(3725)).isEqualTo("1小时2分5秒");
    }

    @Test
    void htmlBodyEscapesApplicantText() {
        assertThat(HtmlBody.of("职业<script>x</script>\n\n下一段")).contains("\">职业&lt;script&gt;x&lt;/script&gt;</p>", "\">下一段</p>")
                .doesNotContain("<script>");
    }

    @Test
    void addressInsideAnEncodedWordIsStillFound() {
        // 张三 <zhangsan@example.cn> encoded whole, as some clients and scripts write From.
        assertThat(MailAddresses.parse("=?utf-8?b?5byg5LiJIDx6aGFuZ3NhbkBleGFtcGxlLmNuPg==?=")).containsExactly("zhangsan@example.cn");
    }
}
