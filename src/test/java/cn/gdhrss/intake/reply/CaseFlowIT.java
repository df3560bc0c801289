package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.CaseVersionRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases across several mails: resubmissions, strangers quoting a reference, duplicates, caps, bounces. */
class CaseFlowIT {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-08-03T02:00:00Z"));

    /** A mail from {@code from} with one attachment named {@code fileName} (or none when null). */
    static String mail(String messageId, String from, String subject, String extraHeaders, String fileName) {
        String attachment = fileName == null ? "" : """
                --b
                Content-Type: %s
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename="=?UTF-8?B?%s?="

                UEsDBHh4eHh4
                """.formatted(DOCX, Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)));
        return """
                Received: from mx.example.cn by mail.gd.gov.cn; Tue, 4 Aug 2026 10:00:00 +0800
                Message-ID: <%s>
                From: %s
                To: jnzx_zzyfk@gd.gov.cn
                Date: Tue, 4 Aug 2026 09:59:00 +0800
                Subject: =?UTF-8?B?%s?=
                %sMIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                请查收。
                %s--b--
                """.formatted(messageId, from, Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)),
                extraHeaders, attachment);
    }

    private void importMail(App app, String name, String raw) throws Exception {
        ReplyTestKit.importFiles(app, ReplyTestKit.write(dir.resolve("in"), name, raw));
    }

    @Test
    void resubmissionQuotingTheReferenceJoinsTheCaseAndCompletesIt() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("02-proposal-with-errors.eml"));
            importMail(app, "fix.eml", mail("fix-1@example.org", "李四 <lisi@example.org>", "回复：[XZY-2026-0001] 补正通知", "",
                    "新职业建议书-低空物流调度员.docx"));

            CaseRecord found = app.cases().find("XZY-2026-0001").orElseThrow();
            assertThat(found.status()).isEqualTo("complete");
            assertThat(app.cases().listVersions(found.id())).extracting(CaseVersionRecord::version).containsExactly(1, 2);
            assertThat(app.cases().list(10)).hasSize(1);
            OutboxRecord ack = app.outbox().list(1).get(0);
            assertThat(ack.kind()).isEqualTo("resubmission_ack");
            assertThat(ack.subject()).startsWith("[XZY-2026-0001] 补正材料已收到（材料齐全）");
            assertThat(ack.bodyText()).contains("第2次提交", "材料已齐全");
        }
    }

    @Test
    void replyWithoutReferenceJoinsByInReplyToOurMessageId() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("02-proposal-with-errors.eml"));
            String ours = app.outbox().list(1).get(0).messageId();
            importMail(app, "fix.eml", mail("fix-2@example.org", "lisi@example.org", "修改后的建议书",
                    "In-Reply-To: <" + ours + ">\n", "新职业建议书-低空物流调度员-超字数.docx"));

            CaseRecord found = app.cases().find("XZY-2026-0001").orElseThrow();
            assertThat(app.cases().listVersions(found.id())).hasSize(2);
            assertThat(found.status()).isEqualTo("needs_correction");
            OutboxRecord ack = app.outbox().list(1).get(0);
            assertThat(ack.kind()).isEqualTo("resubmission_ack");
            assertThat(ack.bodyText()).contains("仍有以下问题", "产生背景");
            assertThat(ack.inReplyTo()).isEqualTo("fix-2@example.org");
            assertThat(ack.references()).contains(ours);
        }
    }

    @Test
    void referenceQuotedByAStrangerIsFlaggedNotMerged() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("02-proposal-with-errors.eml"));
            importMail(app, "stranger.eml", mail("s-1@other.example", "someone@other.example", "[XZY-2026-0001] 补正", "",
                    "新职业建议书-低空物流调度员.docx"));

            CaseRecord original = app.cases().find("XZY-2026-0001").orElseThrow();
            assertThat(app.cases().listVersions(original.id())).hasSize(1);
            assertThat(original.flagged()).isTrue();
            assertThat(app.cases().listEvents(original.id())).extracting(event -> event.kind()).contains("unknown_sender");
            CaseRecord opened = app.cases().find("XZY-2026-0002").orElseThrow();
            assertThat(opened.flagged()).isTrue();
        }
    }

    @Test
    void sameMailDeliveredTwiceGetsOneReceipt() throws Exception {
        Path original = ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml");
        String raw = java.nio.file.Files.readString(original, StandardCharsets.UTF_8);
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            ReplyTestKit.importFiles(app, original);
            ReplyTestKit.importFiles(app, original);
            importMail(app, "relayed-again.eml", "Received: from relay2.example.cn; Tue, 4 Aug 2026 10:00:00 +0800\r\n" + raw);

            assertThat(app.outbox().list(10)).hasSize(1);
            assertThat(app.cases().list(10)).hasSize(1);
        }
    }

    @Test
    void capStopsRepliesToOneAddressAfterFiveADay() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            for (int i = 0; i < 7; i++) {
                importMail(app, "m" + i + ".eml", mail("loop-" + i + "@example.cn", "looper@example.cn", "申报 " + i, "",
                        "新职业建议书-职业" + i + ".docx"));
            }
            assertThat(app.outbox().list(100)).hasSize(5);
            assertThat(app.messages().list(100)).filteredOn(message -> message.status().equals("no_reply"))
                    .hasSize(2).allMatch(message -> message.statusReason().contains("达到上限"));

            clock.advance(java.time.Duration.ofHours(25));
            importMail(app, "next-day.eml", mail("loop-next@example.cn", "looper@example.cn", "申报 次日", "", "新职业建议书-次日.docx"));
            assertThat(app.outbox().list(100)).hasSize(6);
        }
    }

    @Test
    void capStopsRepliesAboutOneCase() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of("reply.cap.per-case-per-day", "2"), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("02-proposal-with-errors.eml"));
            for (int i = 0; i < 3; i++) {
                importMail(app, "again" + i + ".eml", mail("again-" + i + "@example.org", "lisi@example.org",
                        "[XZY-2026-0001] 再次补正 " + i, "", "新职业建议书-低空物流调度员-超字数.docx"));
            }
            assertThat(app.outbox().list(100)).hasSize(2);
            CaseRecord found = app.cases().find("XZY-2026-0001").orElseThrow();
            assertThat(app.cases().listVersions(found.id())).hasSize(4);
            assertThat(app.cases().listEvents(found.id())).extracting(event -> event.kind()).contains("no_reply");
        }
    }

    @Test
    void bounceOfOurReplyIsRecordedOnItsCaseAndNotAnswered() throws Exception {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml"));
            String ours = app.outbox().list(1).get(0).messageId();
            importMail(app, "bounce.eml", """
                    Return-Path: <>
                    Message-ID: <bounce-77@mx.example.cn>
                    From: MAILER-DAEMON@mx.example.cn
                    To: jnzx_zzyfk@gd.gov.cn
                    Subject: Undelivered Mail Returned to Sender
                    MIME-Version: 1.0
                    Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                    --r
                    Content-Type: text/plain

                    Mailbox full.
                    --r
                    Content-Type: text/rfc822-headers

                    Message-ID: <%s>
                    --r--
                    """.formatted(ours));

            assertThat(app.outbox().list(10)).hasSize(1);
            CaseRecord found = app.cases().find("XZY-2026-0001").orElseThrow();
            assertThat(found.flagged()).isTrue();
            assertThat(app.cases().listEvents(found.id())).extracting(event -> event.kind()).containsExactly("bounce");
        }
    }

    @Test
    void crLfInSubjectAndNamesAddsNoHeader() throws Exception {
        Path data = dir.resolve("data");
        try (App app = ReplyTestKit.app(data, Map.of(), clock)) {
            importMail(app, "inject.eml", mail("inject@example.cn", "\"Evil\\r\\nBcc: victim@example.com\" <evil@example.cn>",
                    "申报\r\nBcc: victim@example.com\r\nX-Injected: yes", "", "新职业建议书-注入\r\nBcc: victim2@example.com.docx"));
        }
        List<Path> files = ReplyTestKit.outboxFiles(data);
        assertThat(files).hasSize(1);
        MimeMessage reply = EmlOutboxIT.read(files.get(0));
        assertThat(reply.getHeader("Bcc")).isNull();
        assertThat(reply.getHeader("X-Injected")).isNull();
        assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("evil@example.cn");
        assertThat(reply.getSubject()).doesNotContain("\r", "\n");
    }
}
