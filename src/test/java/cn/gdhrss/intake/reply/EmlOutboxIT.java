package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's done-when: a folder of submissions imported with no SMTP server configured leaves
 * exactly the expected replies as .eml files, one per submission, none to robots or lists.
 */
class EmlOutboxIT {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-08-03T02:00:00Z"));

    @Test
    void importedFolderLeavesOneReplyPerSubmissionAndNoneToRobots() throws Exception {
        Path data = dir.resolve("data");
        try (App app = ReplyTestKit.app(data, Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS);

            Map<String, String> kindByRecipient = app.outbox().list(100).stream()
                    .collect(Collectors.toMap(OutboxRecord::to, OutboxRecord::kind));
            assertThat(kindByRecipient).containsOnly(
                    Map.entry("zhangsan@example.cn", "receipt"),
                    Map.entry("lisi@example.org", "correction"),
                    Map.entry("wangwu@example.net", "correction"),
                    Map.entry("zhinengchu@gz.example.gov.cn", "batch_correction"),
                    Map.entry("rd-manager@company.example.cn", "receipt"),
                    Map.entry("qianba@example.cn", "correction"));
            assertThat(ReplyTestKit.outboxFiles(data)).hasSize(6);
            assertThat(app.outbox().list(100)).allMatch(row -> row.state().equals("written"));
        }
    }

    @Test
    void robotsListsAndBouncesAreNotAnsweredAndSayWhy() throws Exception {
        Path data = dir.resolve("data");
        try (App app = ReplyTestKit.app(data, Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS);

            Map<String, String> statusBySubject = app.messages().list(100).stream()
                    .collect(Collectors.toMap(message -> Path.of(message.uid()).getFileName().toString(),
                            message -> message.status() + " " + message.statusReason()));
            assertThat(statusBySubject.get("05-auto-replied.eml")).startsWith("no_reply").contains("Auto-Submitted");
            assertThat(statusBySubject.get("06-out-of-office-x-autoreply.eml")).startsWith("no_reply").contains("x-autoreply");
            assertThat(statusBySubject.get("07-mailing-list.eml")).startsWith("no_reply").contains("Precedence");
            assertThat(statusBySubject.get("08-noreply-sender.eml")).startsWith("no_reply").contains("noreply");
            assertThat(statusBySubject.get("11-bounce-dsn.eml")).startsWith("no_reply").contains("退信");
        }
    }

    @Test
    void receiptCarriesReferenceThreadingAndAutoSubmittedAndDecodesAsChinese() throws Exception {
        Path data = dir.resolve("data");
        try (App app = ReplyTestKit.app(data, Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml"));
        }
        List<Path> files = ReplyTestKit.outboxFiles(data);
        assertThat(files).hasSize(1);
        MimeMessage reply = read(files.get(0));

        assertThat(reply.getSubject()).isEqualTo("[XZY-2026-0001] 回执：已收到新职业建议书（数字孪生应用工程师）");
        assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(reply.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<01-proposal@example.cn>");
        assertThat(reply.getHeader("References", null)).contains("<01-proposal@example.cn>");
        assertThat(reply.getMessageID()).startsWith("<xzy-2026-0001.").endsWith("@gd.gov.cn>");
        assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("zhangsan@example.cn");
        MimeMultipart alternative = (MimeMultipart) reply.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        String text = (String) alternative.getBodyPart(0).getContent();
        assertThat(text).contains("XZY-2026-0001", "2026年8月3日 09:15", "新职业建议书-数字孪生应用工程师.docx", "20 KB",
                "演示视频.mp4", "时长1分15秒", "地市", "专家论证", "惠福东路546号", "新职业征集材料", "020-83305821", "jnzx_zzyfk@gd.gov.cn");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<p style=", "数字孪生应用工程师", "name=\"viewport\"");
    }

    @Test
    void correctionNamesTheFormsLabelAndHowToResubmit() throws Exception {
        Path data = dir.resolve("data");
        try (App app = ReplyTestKit.app(data, Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("02-proposal-with-errors.eml"));
            OutboxRecord row = app.outbox().list(1).get(0);

            assertThat(row.kind()).isEqualTo("correction");
            assertThat(row.subject()).startsWith("[XZY-2026-0001] 补正通知");
            assertThat(row.bodyText()).contains("“产生背景（400字以内）”：产生背景超过400字（现为523字）。", "回复本邮件",
                    "[XZY-2026-0001]");
            assertThat(app.cases().find("XZY-2026-0001").orElseThrow().status()).isEqualTo("needs_correction");
        }
    }

    @Test
    void cityBatchGetsOneReplyListingEveryProposalAndTheTablesDisagreements() throws Exception {
        Path data = dir.resolve("data");
        try (App app = ReplyTestKit.app(data, Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("04-city-batch.eml"));

            assertThat(app.outbox().list(10)).hasSize(1);
            OutboxRecord row = app.outbox().list(1).get(0);
            assertThat(row.kind()).isEqualTo("batch_correction");
            assertThat(row.bodyText()).contains("| XZY-2026-0001 | 智能网联汽车测试员 |", "| 已收到 |",
                    "| XZY-2026-0002 | 康养照护规划师 |", "| 待补正 |", "康养照护师");
            assertThat(app.cases().list(10)).extracting(c -> c.kind() + " " + c.batch())
                    .containsExactlyInAnyOrder("batch_item null", "batch_item XZY-2026-0001");
        }
    }

    @Test
    void mailWithOnlyAPdfIsToldExactlyWhatToSend() throws Exception {
        Path data = dir.resolve("data");
        try (App app = ReplyTestKit.app(data, Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("03-pdf-only.eml"));
            OutboxRecord row = app.outbox().list(1).get(0);

            assertThat(row.kind()).isEqualTo("correction");
            assertThat(row.bodyText()).contains("只收到 PDF 文件", "Word 电子版", "新职业建议书盖章版.pdf");
            assertThat(app.cases().find("XZY-2026-0001").orElseThrow().kind()).isEqualTo("no_form");
        }
    }

    static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
