package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-08-03T02:00:00Z"));
    private Process postfix;
    private int port;

    @BeforeEach
    void startPostfix() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(POSTFIX), "Postfix is installed by ./run.sh test");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("queue"));
        Path data = Files.createDirectories(dir.resolve("postfix-data"));
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix");
        Files.setOwner(data, owner);
        Path mail = Files.createDirectories(dir.resolve("mail"));
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
        port = freePort();
        Files.writeString(config.resolve("main.cf"), mainCf(), StandardCharsets.UTF_8);
        Files.writeString(config.resolve("master.cf"), masterCf(), StandardCharsets.UTF_8);
        postfix = new ProcessBuilder(POSTFIX.toString(), "-c", config.toString(), "start-fg")
                .redirectErrorStream(true).redirectOutput(dir.resolve("postfix.log").toFile()).start();
        awaitPort();
    }

    @AfterEach
    void stopPostfix() throws Exception {
        if (postfix != null) {
            new ProcessBuilder(POSTFIX.toString(), "-c", dir.resolve("etc").toString(), "stop")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(20, TimeUnit.SECONDS);
            postfix.destroy();
            postfix.waitFor(10, TimeUnit.SECONDS);
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
                + Files.readString(dir.resolve("postfix.log"), StandardCharsets.UTF_8));
    }

    private static String headerOf(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : value;
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private String mainCf() {
        return """
                compatibility_level = 3.6
                queue_directory = %1$s/queue
                data_directory = %1$s/postfix-data
                mail_owner = postfix
                setgid_group = postdrop
                myhostname = mx.test.local
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                mydestination =
                mynetworks = 127.0.0.0/8
                relayhost =
                smtpd_relay_restrictions = permit_mynetworks, reject
                virtual_mailbox_domains = example.cn, company.example.cn
                virtual_mailbox_base = %1$s/mail
                virtual_mailbox_maps = static:inbox/
                virtual_uid_maps = static:65534
                virtual_gid_maps = static:65534
                virtual_minimum_uid = 100
                smtputf8_enable = yes
                maillog_file = /dev/stdout
                """.formatted(dir.toAbsolutePath());
    }

    private String masterCf() {
        return ("127.0.0.1:%d inet n - n - - smtpd%n").formatted(port) + """
                pickup    unix  n - n 60 1 pickup
                cleanup   unix  n - n - 0 cleanup
                qmgr      unix  n - n 300 1 qmgr
                rewrite   unix  - - n - - trivial-rewrite
                bounce    unix  - - n - 0 bounce
                defer     unix  - - n - 0 bounce
                trace     unix  - - n - 0 bounce
                verify    unix  - - n - 1 verify
                flush     unix  n - n 1000? 0 flush
                proxymap  unix  - - n - - proxymap
                smtp      unix  - - n - - smtp
                relay     unix  - - n - - smtp
                showq     unix  n - n - - showq
                error     unix  - - n - - error
                retry     unix  - - n - - error
                discard   unix  - - n - - discard
                local     unix  - n n - - local
                virtual   unix  - n n - - virtual
                lmtp      unix  - - n - - lmtp
                anvil     unix  - - n - 1 anvil
                scache    unix  - - n - 1 scache
                postlog   unix-dgram n - n - 1 postlogd
                """;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitPort() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!postfix.isAlive()) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Postfix did not start: " + Files.readString(dir.resolve("postfix.log"), StandardCharsets.UTF_8));
    }
}
