package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoReplyPolicyTest {
    private final AutoReplyPolicy policy = new AutoReplyPolicy(Set.of("jnzx_zzyfk@gd.gov.cn"));

    private static IncomingMail mail(String header, String value) {
        return new IncomingMail(Map.of(header, List.of(value)), List.of());
    }

    @ParameterizedTest
    @CsvSource({
        "auto-submitted, auto-replied, auto_submitted",
        "auto-submitted, auto-generated, auto_submitted",
        "x-autoreply, yes, autoresponder",
        "x-autorespond, 1, autoresponder",
        "return-path, <>, null_return_path",
        "precedence, bulk, precedence",
        "precedence, junk, precedence",
        "precedence, list, precedence",
        "list-id, <news.example.cn>, mailing_list",
        "x-auto-response-suppress, All, response_suppressed",
        "content-type, multipart/report; report-type=disposition-notification, report",
        "content-type, multipart/report; report-type=delivery-status, bounce"})
    void headerMarksMeanNoReply(String header, String value, String code) {
        ReplyVerdict verdict = policy.decide(mail(header, value), List.of("a@example.cn"), "申报");

        assertThat(verdict.reply()).isFalse();
        assertThat(verdict.code()).isEqualTo(code);
        assertThat(verdict.reason()).isNotBlank();
    }

    @Test
    void autoSubmittedNoIsAnswered() {
        assertThat(policy.decide(mail("auto-submitted", "no"), List.of("a@example.cn"), "申报").reply()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"MAILER-DAEMON@mx.example.cn", "postmaster@example.cn", "noreply@example.cn", "no-reply@example.cn",
        "do-not-reply@example.cn"})
    void robotSendersAreNotAnswered(String sender) {
        assertThat(policy.decide(new IncomingMail(Map.of(), List.of()), List.of(sender), "通知").reply()).isFalse();
    }

    @Test
    void ourOwnAddressIsNotAnswered() {
        ReplyVerdict verdict = policy.decide(new IncomingMail(Map.of(), List.of()), List.of("jnzx_zzyfk@gd.gov.cn"), "测试");
        assertThat(verdict.code()).isEqualTo("own_address");
    }

    @Test
    void chineseAutoReplySubjectIsNotAnswered() {
        assertThat(policy.decide(new IncomingMail(Map.of(), List.of()), List.of("a@qq.com"), "自动回复: 您的来信已收到").reply()).isFalse();
    }

    @Test
    void nullSenderQuotingOurMessageIsABounce() {
        IncomingMail bounce = new IncomingMail(Map.of("return-path", List.of("<>")), List.of("xzy-2026-0001.abc@gd.gov.cn"));
        assertThat(policy.decide(bounce, List.of(), "退信").bounce()).isTrue();
    }

    @Test
    void personAnsweringOurReplyIsNotABounce() {
        IncomingMail answer = new IncomingMail(Map.of("in-reply-to", List.of("<xzy-2026-0001.abc@gd.gov.cn>")),
                List.of("xzy-2026-0001.abc@gd.gov.cn"));
        ReplyVerdict verdict = policy.decide(answer, List.of("lisi@example.org"), "Re: [XZY-2026-0001] 补正通知");
        assertThat(verdict.reply()).isTrue();
    }

    @Test
    void ordinaryMailIsAnswered() {
        assertThat(policy.decide(new IncomingMail(Map.of(), List.of()), List.of("a@example.cn"), "新职业申报").reply()).isTrue();
    }
}
