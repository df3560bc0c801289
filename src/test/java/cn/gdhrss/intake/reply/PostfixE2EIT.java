package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.intake.OwnPostfix;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against Debian's Postfix (installed by {@code ./run.sh test}), an instance of its own
 * on a loopback port that delivers every recipient domain of the test into one Maildir: the replies
 * leave through a real MTA and arrive with their headers and Chinese text intact.
 */
@Tag("e2e")
class PostfixE2EIT {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-08-03T02:00:00Z"));
    private OwnPostfix postfix;
    private int port;

    @BeforeEach
    void startPostfix() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path mail = Files.createDirectories(dir.resolve("mail"));
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
        postfix = new OwnPostfix(dir, "example.cn, company.example.cn", mail, "static:inbox/");
        port = postfix.port();
    }

    @AfterEach
    void stopPostfix() throws Exception {
        if (postfix != null) {
            postfix.close();
        }
    }

    @Test
    void repliesLeaveThroughPostfixWithThreadingAndReadableChinese() throws Exception {
        Map<String, String> smtp = Map.of("smtp.host", "127.0.0.1", "smtp.port", Integer.toString(port),
                "smtp.security", "none", "smtp.timeout.seconds", "20");
        try (App app = ReplyTestKit.app(dir.resolve("data"), smtp, clock)) {
            ReplyTestKit.importFiles(app, ReplyTestKit.SUBMISSIONS.resolve("01-proposal.eml"),
                    ReplyTestKit.SUBMISSIONS.resolve("09-reply-to.eml"));
            assertThat(app.outbox().list(10)).hasSize(2).allMatch(row -> row.state().equals("sent"));
        }

        List<MimeMessage> delivered = awaitDelivered(2);
        MimeMessage receipt = delivered.stream()
                .filter(message -> headerOf(message, "In-Reply-To").equals("<01-proposal@example.cn>")).findFirst().orElseThrow();
        assertThat(receipt.getSubject()).startsWith("[XZY-2026-0001] ");
        assertThat(headerOf(receipt, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(headerOf(receipt, "Received")).contains("mx.test.local");
        String text = (String) ((MimeMultipart) receipt.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("XZY-2026-0001", "广东省职业技能服务指导中心");
    }

    private List<MimeMessage> awaitDelivered(int count) throws Exception {
        Path inbox = dir.resolve("mail/inbox/new");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(inbox)) {
                try (Stream<Path> files = Files.list(inbox)) {
                    List<Path> found = files.toList();
                    if (found.size() >= count) {
                        List<MimeMessage> messages = new ArrayList<>();
                        for (Path file : found) {
                            try (InputStream in = Files.newInputStream(file)) {
                                messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
                            }
                        }
                        return messages;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Postfix delivered fewer than " + count + " messages: "
                + Files.readString(postfix.log(), StandardCharsets.UTF_8));
    }

    private static String headerOf(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : value;
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
