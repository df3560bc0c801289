package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.OwnDovecot;
import cn.gdhrss.intake.intake.PassResult;
import cn.gdhrss.intake.intake.TestMail;
import cn.gdhrss.intake.register.MessageRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP (or POP3) server going away in the middle of a pass (our own Dovecot on loopback,
 * stopped while the service is taking a mailbox of 30 messages): a fault of the mailbox, waited out, not a
 * failure of the message it was reading; {@code status} says so, and the first pass after the
 * server is back takes the rest, every message registered once.
 */
@Tag("e2e")
class ImapStoppedMidPassE2EIT {
    private static final int MESSAGES = 30;
    private static final int STOP_AFTER = 10;

    @TempDir
    Path dir;

    private OwnDovecot dovecot;

    @AfterEach
    void stopDovecot() throws Exception {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void imapServerStoppedMidPassIsWaitedOutAndTheNextPassTakesTheRest() throws Exception {
        serverStoppedMidPass("imap");
    }

    @Test
    void pop3ServerStoppedMidPassIsWaitedOutAndTheNextPassTakesTheRest() throws Exception {
        serverStoppedMidPass("pop3");
    }

    private void serverStoppedMidPass(String protocol) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dovecot = new OwnDovecot(dir.resolve("dovecot"), List.of("intake")).start();
        Path inbox = dovecot.maildir("intake").resolve("new");
        for (int i = 1; i <= MESSAGES; i++) {
            Path file = Files.write(inbox.resolve("1785720000.M" + i + ".test"),
                    TestMail.simple("stop" + i + "@example.cn", "申报 " + i, "正文 " + i));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("intake.properties"), """
                mailbox.protocol = %s
                mailbox.host = 127.0.0.1
                mailbox.port = %d
                mailbox.user = intake
                mailbox.password.env = DOVECOT_TEST_PASSWORD
                mailbox.starttls = false
                mailbox.timeout.seconds = 10
                """.formatted(protocol, protocol.equals("imap") ? dovecot.imapPort() : dovecot.pop3Port()), StandardCharsets.UTF_8);

        try (App app = app(config, data)) {
            AtomicBoolean stopped = new AtomicBoolean();
            PassResult cut = app.intake().runOnce(app.mailSource(), taken -> {
                if (taken == STOP_AFTER && stopped.compareAndSet(false, true)) {
                    stopQuietly();
                }
            }).orElseThrow();

            assertThat(stopped).isTrue();
            assertThat(cut.newCount()).isEqualTo(STOP_AFTER);
            assertThat(cut.failed()).as("no message counted as failed").isZero();
            assertThat(cut.error()).contains("邮箱");
            assertThat(app.messages().list(100)).hasSize(STOP_AFTER).allMatch(message -> message.attempts() == 0)
                    .noneMatch(message -> message.status().equals("failed"));
        }
        CaseRegister.Result down = CaseRegister.run(data, config, "status");
        assertThat(down.code()).isOne();
        assertThat(down.out()).contains("故障：邮箱暂时无法读取");

        dovecot.start();
        try (App app = app(config, data)) {
            PassResult rest = app.intake().pollMailbox().orElseThrow();
            assertThat(rest.error()).isEmpty();
            assertThat(rest.newCount()).isEqualTo(MESSAGES - STOP_AFTER);
            List<MessageRecord> all = app.messages().list(100);
            assertThat(all).hasSize(MESSAGES);
            assertThat(all).extracting(MessageRecord::messageId).doesNotHaveDuplicates();
            // All from one sender: the first five answered, the rest over the daily cap per address (5), as
            // an uninterrupted pass leaves them; none failed, none left half done.
            assertThat(all).extracting(MessageRecord::status).containsOnly("answered", "no_reply");
            assertThat(all).filteredOn(message -> message.status().equals("answered")).hasSize(5);
            assertThat(all).extracting(MessageRecord::attempts).containsOnly(0);
        }
        assertThat(CaseRegister.run(data, config, "status").out()).doesNotContain("故障：");
    }

    private static App app(Path config, Path data) {
        return new App(data, Settings.load(config, Map.of("DOVECOT_TEST_PASSWORD", OwnDovecot.PASSWORD)), Clock.systemUTC());
    }

    private void stopQuietly() {
        try {
            dovecot.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
