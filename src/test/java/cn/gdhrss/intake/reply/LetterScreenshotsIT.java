package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.casefile.FiledCase;
import cn.gdhrss.intake.casefile.Filing;
import cn.gdhrss.intake.casefile.Submission;
import cn.gdhrss.intake.casefile.SubmittedForm;
import cn.gdhrss.intake.config.OfficeSettings;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.MessageRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reply template rendered as a letter and photographed in headless Chromium (Debian's
 * /usr/bin/chromium) at phone (390 px) and desktop (1280 px) width; the screenshots are kept under
 * {@code target/screenshots/letters/} for a person to look at.
 */
class LetterScreenshotsIT {
    private static final Path OUT = Path.of("target/screenshots/letters");
    private final ReplyComposer composer = new ReplyComposer(Path.of("templates"), OfficeSettings.from(Settings.of(Map.of())),
            Clock.fixed(Instant.parse("2026-08-04T02:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path profile;

    private static MessageRecord message() {
        return ReplyTemplatesIT.message();
    }

    /** The letters' cases and attachments are those of {@link ReplyTemplatesIT}. */
    private static List<AttachmentRecord> attachments() {
        return ReplyTemplatesIT.attachments().subList(0, 2);
    }

    private static CaseRecord caseRecord(String reference, String status, String title) {
        return ReplyTemplatesIT.caseRecord(reference, status, title);
    }

    private static FiledCase filed(String reference, String status, String title, List<Finding> findings, int version) {
        return ReplyTemplatesIT.filed(reference, status, title, findings, version);
    }

    private static List<Finding> problems() {
        return List.of(TestForms.backgroundTooLong(),
                Finding.error("CONTACT_EMAIL_FORMAT", "contact.email", "电子信箱“name@163,com”格式不正确，应为 name@163.com 这样的地址"),
                Finding.error("CONTACT_EMAIL_FORMAT_2", "contact.email", "电子信箱中有逗号"),
                Finding.warning("PROPOSAL_DUPLICATE_IN_REGISTER", "occupation.name", "与已登记申报名称相近，请工作人员核对是否合并"));
    }

    private Map<String, ComposedMail> letters() {
        Map<String, ComposedMail> letters = new LinkedHashMap<>();
        Submission submission = new Submission(message(), attachments(), List.of(), List.of());
        letters.put("receipt", composer.compose(new Filing(submission,
                List.of(filed("XZY-2026-0001", "received", "数字孪生应用工程师", List.of(), 1)), false, List.of())));
        letters.put("correction", composer.compose(new Filing(submission,
                List.of(filed("XZY-2026-0002", "needs_correction", "数字孪生应用工程师", problems(), 1)), false, List.of())));
        Submission empty = new Submission(message(), List.of(), List.of(),
                List.of(Finding.error("SUBMISSION_NO_ATTACHMENT", null, "邮件中没有附件，未收到《新职业建议书》")));
        letters.put("correction_no_form", composer.compose(new Filing(empty, List.of(new FiledCase(
                caseRecord("XZY-2026-0003", "needs_correction", ""), 1, null, empty.submissionFindings(), false)), false, List.of())));
        SubmittedForm table = TestForms.summaryForm(1, "汇总表.xlsx", List.of(TestForms.summaryMismatch("康养照护师", "康养照护规划师")));
        Submission batch = new Submission(message(), attachments(), List.of(table), List.of());
        letters.put("batch", composer.compose(new Filing(batch, List.of(
                filed("XZY-2026-0004", "received", "智能网联汽车测试员", List.of(), 1),
                filed("XZY-2026-0005", "needs_correction", "康养照护规划师", problems(), 1)), true, List.of())));
        letters.put("resubmission_ack", composer.compose(new Filing(submission,
                List.of(filed("XZY-2026-0001", "complete", "数字孪生应用工程师", List.of(), 2)), false, List.of())));
        letters.put("enquiry_ack", composer.composeEnquiryAck(message()));
        Map<String, Object> facts = new LinkedHashMap<>(Map.of("mailbox", "imaps://jnzx@imap.gd.gov.cn:993/INBOX",
                "lastSuccess", "2026年8月3日 09:15", "failures", 5L, "lastError", "登录被拒绝"));
        letters.put("health_alert", composer.composeStaffMail(ReplyComposer.HEALTH_ALERT, facts));
        letters.put("health_recovered", composer.composeStaffMail(ReplyComposer.HEALTH_RECOVERED, facts));
        return letters;
    }

    @Test
    void everyTemplateIsPhotographedAtPhoneAndDesktopWidth() throws Exception {
        Files.createDirectories(OUT);
        List<String> shots = new ArrayList<>();
        for (Map.Entry<String, ComposedMail> letter : letters().entrySet()) {
            Path html = OUT.resolve(letter.getKey() + ".html");
            Files.writeString(html, letter.getValue().bodyHtml(), StandardCharsets.UTF_8);
            Files.writeString(OUT.resolve(letter.getKey() + ".txt"), letter.getValue().bodyText(), StandardCharsets.UTF_8);
            assertThat(letter.getValue().bodyHtml()).contains("name=\"viewport\"").doesNotContain("<style");
            for (int width : new int[] {390, 1280}) {
                Path png = OUT.resolve(letter.getKey() + "-" + width + ".png");
                screenshot(html, png, width);
                assertThat(png).isNotEmptyFile();
                shots.add(png.toString());
            }
        }
        assertThat(shots).hasSize(16);
    }

    @Test
    void lettersReadAsOfficialNoticesInTheApplicantsTerms() {
        Map<String, ComposedMail> letters = letters();
        String correction = letters.get("correction").bodyText();

        assertThat(correction).contains("广州某科技有限公司：", "新职业申报材料补正通知", "受理编号：XZY-2026-0002", "日期：2026年8月4日",
                "（一）附件“新职业建议书.docx”（新职业建议书）", "1. “产生背景（400字以内）”", "请于2026年8月10日前（本期报送截止日）",
                "附上修改后的《新职业建议书》Word 文件", "联系人于泳谦、牛巧红", "广东省职业技能服务指导中心\n2026年8月4日");
        assertThat(correction).doesNotContain("工作人员", "压缩炸弹", "电子信箱中有逗号");
        assertThat(letters.get("correction_no_form").bodyText()).contains("按通知附件1格式填写的《新职业建议书》")
                .doesNotContain("修改后的", "来信所附文件");
        assertThat(letters.get("correction_no_form").bodyText().split("没有附件", -1)).as("said once").hasSize(2);
        assertThat(letters.get("batch").bodyText()).contains("受理编号：XZY-2026-0004、XZY-2026-0005", "共2份建议书");
        assertThat(letters.get("batch").bodyHtml()).contains("XZY-2026-</span><wbr>");
        assertThat(letters.get("enquiry_ack").bodyHtml()).contains("<span style=\"white-space:nowrap;\">020-83305821</span>");
        assertThat(letters.get("batch").bodyText()).contains("| 编号 | 名称 | 申报单位 | 状态 | 需补正的问题 |",
                "| XZY-2026-0005 | 康养照护规划师 | 广州某科技有限公司 | 待补正 | 《新职业建议书》“产生背景");
        assertThat(letters.get("batch").bodyHtml()).contains("<th style=", "<td style=");
        assertThat(FindingSentences.forApplicant(List.of(Finding.error("OCCUPATION_IN_CATALOGUE", "occupation.name",
                "“职业(工种)名称”“电工”与已收录的职业(工种)“电工”（6-31-01-03）相同，不能作为新职业申报"))).get(0))
                .endsWith("可按通知改为申报“新工种”或“调整变更职业(工种)信息”。");
        assertThat(AttachmentText.modelOf(new AttachmentRecord(3, null, "mime", "建议书.docx", "", "application/x-msdownload", 4096, "c",
                "other", "ok", "", null, null, null, null, null)).get("problem")).isEqualTo("不是 Word 文件（名称是 Word，内容却是别的文件），请发送真正的 Word 文件");
        assertThat(letters.get("enquiry_ack").bodyText()).contains("工作人员会阅读您的问题", "020-83305821", "hrss.gd.gov.cn");
    }

    private void screenshot(Path html, Path png, int width) throws IOException, InterruptedException {
        Process chromium = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile.resolve("w" + width), "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + ",2000", html.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished for %s", png).isTrue();
        assertThat(chromium.exitValue()).isZero();
    }
}
