package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replies over SMTP to an in-process GreenMail: headers, threading, retries, and kills mid-send. */
class SmtpDeliveryIT {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-08-03T02:00:00Z"));
    private GreenMail greenMail;

    @AfterEach
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private GreenMail startGreenMail(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static Map<String, String> smtp(int port) {
        return Map.of("smtp.host", "127.0.0.1", "smtp.port", Integer.toString(port), "smtp.security", "none",
                "smtp.timeout.seconds", "10");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void repliesArriveWithAutoSubmittedThreadingOurMessageIdAndReadableChinese() throws Exception {
        int port = freePort();
        startGreenMail(port);
        try (App app = ReplyTestKit.app(dir.resolve("data"), smtp(port), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("09-reply-to.eml"));
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage reply = received[0];
        assertThat(reply.getSubject()).isEqualTo("[XZY-2026-0001] 回执：已收到新职业建议书（工业数据标注员）");
        assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("rd-manager@company.example.cn");
        assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<09-reply-to@example.cn>");
        assertThat(reply.getMessageID()).endsWith("@gd.gov.cn>");
        String text = (String) ((MimeMultipart) reply.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("受理编号为 XZY-2026-0001", "工业数据标注员", "广东省职业技能服务指导中心标准开发科");
    }

    @Test
    void serverRefusingForAWhileGetsEveryReplyOnceWhenItIsBack() throws Exception {
        int port = freePort();
        try (App app = ReplyTestKit.app(dir.resolve("data"), smtp(port), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS);
            assertThat(app.outbox().list(100)).hasSize(6).allMatch(row -> row.state().equals("retrying"))
                    .allMatch(row -> !row.lastResponse().isEmpty());

            startGreenMail(port);
            clock.advance(Duration.ofMinutes(5));
            app.outboxSender().sendDue();
            clock.advance(Duration.ofHours(2));
            app.outboxSender().sendDue();

            assertThat(greenMail.getReceivedMessages()).hasSize(6);
            assertThat(app.outbox().list(100)).allMatch(row -> row.state().equals("sent"))
                    .allMatch(row -> row.lastResponse().startsWith("250"));
        }
    }

    @Test
    void serverAnswering451ForAWhileGetsEveryReplyOnceWhenItIsBack() throws Exception {
        int port = freePort();
        try (App app = ReplyTestKit.app(dir.resolve("data"), smtp(port), clock)) {
            try (RefusingSmtpServer refusing = new RefusingSmtpServer(port, RefusingSmtpServer.Refusal.TEMPORARY)) {
                ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS);
                assertThat(refusing.refused()).isEqualTo(6);
                assertThat(app.outbox().list(100)).hasSize(6).allMatch(row -> row.state().equals("retrying"))
                        .allMatch(row -> row.lastResponse().contains("451"));
            }
            startGreenMail(port);
            clock.advance(Duration.ofHours(2));
            app.outboxSender().sendDue();

            assertThat(greenMail.getReceivedMessages()).hasSize(6);
            assertThat(app.outbox().list(100)).allMatch(row -> row.state().equals("sent"));
        }
    }

    @Test
    void permanentRefusalFailsTheReplyWithoutRetrying() throws Exception {
        int port = freePort();
        try (App app = ReplyTestKit.app(dir.resolve("data"), smtp(port), clock);
                RefusingSmtpServer refusing = new RefusingSmtpServer(port, RefusingSmtpServer.Refusal.PERMANENT)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml"));
            clock.advance(Duration.ofHours(2));
            app.outboxSender().sendDue();

            assertThat(refusing.refused()).isEqualTo(1);
            assertThat(app.outbox().list(100)).singleElement()
                    .satisfies(row -> assertThat(row.state()).isEqualTo("failed"))
                    .satisfies(row -> assertThat(row.lastResponse()).contains("550"));
        }
    }

    @Test
    void replyThatKeepsFailingShowsOnItsCase() throws Exception {
        int port = freePort();
        try (App app = ReplyTestKit.app(dir.resolve("data"), smtp(port), clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml"));
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofHours(2));
                app.outboxSender().sendDue();
            }

            CaseRecord found = app.cases().find("XZY-2026-0001").orElseThrow();
            assertThat(found.flagged()).isTrue();
            assertThat(app.cases().listEvents(found.id())).extracting(event -> event.kind()).contains("reply_failing");
            assertThat(app.outbox().listTrouble(3)).hasSize(1);
        }
    }

    @Test
    void killedBeforeTheServerGotAnythingDeliversExactlyOnceAfterRestart() throws Exception {
        Path data = dir.resolve("data");
        try (StallingSmtpServer stalling = new StallingSmtpServer(StallingSmtpServer.StallAt.GREETING)) {
            Process child = startChild(data, stalling.port());
            assertThat(stalling.awaitStall(60)).as("child connected to send").isTrue();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int port = freePort();
        startGreenMail(port);
        try (App app = ReplyTestKit.app(data, smtp(port), Clock.systemUTC())) {
            assertThat(app.outbox().list(10)).extracting(OutboxRecord::state).containsExactly("claimed");
            app.outboxSender().sendDue();
            app.outboxSender().sendDue();

            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            assertThat(app.outbox().list(10)).extracting(OutboxRecord::state).containsExactly("sent");
        }
    }

    @Test
    void killedWhileTheServerHadTheMessageIsMarkedUncertainNotResent() throws Exception {
        Path data = dir.resolve("data");
        try (StallingSmtpServer stalling = new StallingSmtpServer(StallingSmtpServer.StallAt.END_OF_DATA)) {
            Process child = startChild(data, stalling.port());
            assertThat(stalling.awaitStall(60)).as("child handed the message over").isTrue();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int port = freePort();
        startGreenMail(port);
        try (App app = ReplyTestKit.app(data, smtp(port), Clock.systemUTC())) {
            app.outboxSender().sendDue();

            assertThat(greenMail.getReceivedMessages()).isEmpty();
            OutboxRecord row = app.outbox().list(1).get(0);
            assertThat(row.state()).isEqualTo("uncertain");
            CaseRecord found = app.cases().find("XZY-2026-0001").orElseThrow();
            assertThat(found.flagged()).isTrue();
            assertThat(app.cases().listEvents(found.id())).extracting(event -> event.kind()).contains("reply_uncertain");

            assertThat(row.lastResponse()).startsWith("发送进程在交给邮件服务器时中断，无法确定对方是否已收到（开始交给邮件服务器：");
            assertThat(app.caseService().todo(app.outbox().listTrouble(3))).filteredOn(item -> item.outboxId() != null)
                    .singleElement().satisfies(item -> {
                assertThat(item.label()).isEqualTo("回复是否送达不确定");
                assertThat(item.detail()).contains("外发编号 " + row.id(), "Message-ID <" + row.messageId() + ">",
                        "确认对方未收到后用 resend " + row.id() + " 重发");
            });

            assertThat(app.outbox().requeue(row.id())).isTrue();
            app.outboxSender().sendDue();
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void theServersQueueIdIsRecordedOnTheSentReply() throws Exception {
        Path data = dir.resolve("data");
        try (StallingSmtpServer server = new StallingSmtpServer(StallingSmtpServer.StallAt.NEVER);
                App app = ReplyTestKit.app(data, smtp(server.port()), Clock.systemUTC())) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml"));
            app.outboxSender().sendDue();
            OutboxRecord row = app.outbox().list(1).get(0);
            assertThat(row.state()).isEqualTo("sent");
            assertThat(row.lastResponse()).isEqualTo("250 2.0.0 Ok: queued as " + StallingSmtpServer.QUEUE_ID);
            assertThat(row.queueId()).isEqualTo(StallingSmtpServer.QUEUE_ID);
        }
    }

    private Process startChild(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(data);
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildImport.class.getName(),
                data.toString(), Integer.toString(port), ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml").toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("child.log").toFile())
                .start();
    }
}
