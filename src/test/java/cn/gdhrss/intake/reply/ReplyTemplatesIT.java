package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.casefile.FiledCase;
import cn.gdhrss.intake.casefile.Filing;
import cn.gdhrss.intake.casefile.Submission;
import cn.gdhrss.intake.casefile.SubmittedForm;
import cn.gdhrss.intake.config.OfficeSettings;
import cn.gdhrss.intake.config.ReportSettings;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.report.ReportingPeriods;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renders every template of {@code templates/reply/} with a full case, as staff may have edited them. */
class ReplyTemplatesIT {
    private static final Instant RECEIVED = Instant.parse("2026-08-03T01:15:00Z");
    private final ReplyComposer composer = new ReplyComposer(Path.of("templates"), OfficeSettings.from(Settings.of(Map.of())));

    static MessageRecord message() {
        return new MessageRecord(1, "m1@example.cn", "0".repeat(64), "import", "m1.eml", "张三 <zhangsan@example.cn>", "",
                "jnzx_zzyfk@gd.gov.cn", RECEIVED, "申报新职业", 1000, RECEIVED, RECEIVED, "archive/m1.eml", "parsed", "", 0, "", false, "");
    }

    static List<AttachmentRecord> attachments() {
        return List.of(
                new AttachmentRecord(1, null, "mime", "新职业建议书.docx", "", "", 20480, "a", "proposal_form", "ok", "", null, null, null, null, null),
                new AttachmentRecord(2, null, "mime", "演示.mp4", "", "", 50L << 20, "b", "video", "ok", "", null, 95.0, 1920, 1080, "mp4"),
                new AttachmentRecord(3, null, "mime", "资料.zip", "", "", 4096, "c", "archive", "zip_bomb", "", null, null, null, null, null),
                new AttachmentRecord(4, null, "link", "超大附件", "", "", 0, null, "link", "ok", "", "https://wx.mail.qq.com/x", null, null, null, null));
    }

    static CaseRecord caseRecord(String reference, String status, String title) {
        return new CaseRecord(1, reference, "proposal", title, "广州某科技有限公司", null, status, false, RECEIVED, RECEIVED);
    }

    static FiledCase filed(String reference, String status, String title, List<Finding> findings, int version) {
        SubmittedForm form = TestForms.proposalForm(1, "新职业建议书.docx", title, findings);
        return new FiledCase(caseRecord(reference, status, title), version, form, findings, version > 1);
    }

    private static List<Finding> errors() {
        return List.of(TestForms.backgroundTooLong(), Finding.warning("CONTACT_EMAIL_FORMAT", "contact.email", "电子信箱格式不正确"));
    }

    @Test
    void receiptRendersEverySection() {
        Submission submission = new Submission(message(), attachments(), List.of(), List.of());
        ComposedMail mail = composer.compose(new Filing(submission,
                List.of(filed("XZY-2026-0001", "received", "数字孪生应用工程师", List.of(), 1)), false, List.of()));

        assertThat(mail.kind()).isEqualTo("receipt");
        assertThat(mail.subject()).isEqualTo("[XZY-2026-0001] 回执：已收到新职业建议书（数字孪生应用工程师）");
        assertThat(mail.bodyText()).contains("2026年8月3日 09:15", "20 KB", "50 MB", "时长1分35秒", "压缩包展开后过大",
                "云盘链接", "地市人力资源社会保障部门组织初审", "组织专家论证", "新职业申报材料受理回执", "广州某科技有限公司：", "加盖单位公章或由个人签名", "惠福东路546号", "510115",
                "新职业征集材料", "于泳谦、牛巧红", "020-83305821", "jnzx_zzyfk@gd.gov.cn");
    }

    @Test
    void correctionListsEachFindingWithItsLabel() {
        Submission submission = new Submission(message(), attachments(), List.of(), List.of());
        ComposedMail mail = composer.compose(new Filing(submission,
                List.of(filed("XZY-2026-0001", "needs_correction", "数字孪生应用工程师", errors(), 1)), false, List.of()));

        assertThat(mail.kind()).isEqualTo("correction");
        assertThat(mail.bodyText()).contains("（一）附件“新职业建议书.docx”（新职业建议书）\n1. “产生背景（400字以内）”：产生背景超过400字（现为523字）。",
                "另请留意（不影响受理）：\n1. 电子信箱格式不正确。", "保留邮件主题中的受理编号“[XZY-2026-0001]”");
    }

    @Test
    void correctionWithoutFormSaysWhatToSend() {
        Submission submission = new Submission(message(), attachments().subList(3, 4), List.of(),
                List.of(Finding.error("ONLY_CLOUD_LINK", null, "只收到云盘链接，我们不下载网盘文件")));
        FiledCase noForm = new FiledCase(caseRecord("XZY-2026-0003", "needs_correction", ""), 1, null,
                submission.submissionFindings(), false);
        ComposedMail mail = composer.compose(new Filing(submission, List.of(noForm), false, List.of()));

        assertThat(mail.subject()).isEqualTo("[XZY-2026-0003] 补正通知：未收到可用的新职业建议书");
        assertThat(mail.bodyText()).contains("只收到云盘链接", "附上按通知附件1格式填写的《新职业建议书》Word 文件");
    }

    /** Issue 10: the correction period is the configured one, cut at the deadline of the configured reporting period. */
    @Test
    void correctionIsDueWithinTheConfiguredWorkingDaysAndNeverPastTheConfiguredDeadline() {
        Submission submission = new Submission(message(), attachments(), List.of(), List.of());
        Filing filing = new Filing(submission, List.of(filed("XZY-2026-0001", "needs_correction", "数字孪生应用工程师", errors(), 1)),
                false, List.of());

        assertThat(composerWith(Map.of("periods.fixed", "2026-08-20", "office.correction-working-days", "15")).compose(filing)
                .bodyText()).contains("请于2026年8月20日前（本期报送截止日）回复本邮件");
        assertThat(composerWith(Map.of("periods.fixed", "2026-09-30", "office.correction-working-days", "15")).compose(filing)
                .bodyText()).contains("请于2026年8月24日前（15个工作日内）回复本邮件");
        assertThat(composerWith(Map.of("periods.fixed", "2026-09-30", "office.correction-working-days", "5")).compose(filing)
                .bodyText()).contains("请于2026年8月10日前（5个工作日内）回复本邮件");
    }

    /** Built as the service builds it: office and periods from the same settings. */
    private static ReplyComposer composerWith(Map<String, String> values) {
        Settings settings = Settings.of(values);
        ReportSettings report = ReportSettings.from(settings);
        return new ReplyComposer(Path.of("templates"), OfficeSettings.from(settings), Clock.fixed(RECEIVED, ZoneOffset.UTC),
                new ReportingPeriods(report.fixedDeadlines(), report.yearlyDeadlines()));
    }

    @Test
    void batchListsEveryProposalAndTheTablesDisagreements() {
        SubmittedForm table = TestForms.summaryForm(1, "汇总表.xlsx", List.of(TestForms.summaryMismatch("康养照护师", "康养照护规划师")));
        SubmittedForm first = TestForms.proposalForm(2, "a.docx", "智能网联汽车测试员", List.of());
        Submission submission = new Submission(message(), attachments(), List.of(table, first), List.of());
        ComposedMail mail = composer.compose(new Filing(submission, List.of(
                filed("XZY-2026-0004", "received", "智能网联汽车测试员", List.of(), 1),
                filed("XZY-2026-0005", "needs_correction", "康养照护规划师", errors(), 1)), true, List.of()));

        assertThat(mail.kind()).isEqualTo("batch_correction");
        assertThat(mail.subject()).startsWith("[XZY-2026-0004] 补正通知：已收到汇总报送的新职业申报材料（共2项）");
        assertThat(mail.bodyText()).contains("| XZY-2026-0004 | 智能网联汽车测试员 |", "| XZY-2026-0005 | 康养照护规划师 |",
                "| 待补正 |", "汇总表第2行的职业（工种）名称“康养照护师”");
    }

    @Test
    void resubmissionSaysCompleteWhenNoErrorRemains() {
        Submission submission = new Submission(message(), attachments(), List.of(), List.of());
        ComposedMail mail = composer.compose(new Filing(submission,
                List.of(filed("XZY-2026-0001", "complete", "数字孪生<b>工程师", List.of(), 2)), false, List.of()));

        assertThat(mail.kind()).isEqualTo("resubmission_ack");
        assertThat(mail.subject()).startsWith("[XZY-2026-0001] 补正材料已收到（材料齐全）");
        assertThat(mail.bodyText()).contains("第2次提交", "材料已齐全");
        assertThat(mail.subject()).contains("数字孪生<b>工程师");
        assertThat(mail.bodyHtml()).contains("广州某科技有限公司：</p>", "name=\"viewport\"");
    }

    @Test
    void healthMailsRender() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mailbox", "imaps://jnzx@imap.gd.gov.cn:993/INBOX");
        facts.put("lastSuccess", "2026年8月3日 09:15");
        facts.put("failures", 5L);
        facts.put("lastError", "登录被拒绝");

        assertThat(composer.composeStaffMail(ReplyComposer.HEALTH_ALERT, facts).bodyText()).contains("登录被拒绝", "连续失败次数：5");
        assertThat(composer.composeStaffMail(ReplyComposer.HEALTH_RECOVERED, facts).subject()).isEqualTo("【受理服务提醒】邮箱收取已恢复");
    }
}
