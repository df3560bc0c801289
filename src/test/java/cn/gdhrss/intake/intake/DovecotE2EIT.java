package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against Debian's Dovecot (installed by {@code ./run.sh test}), started on a loopback
 * port with a configuration of its own: the service reads a real IMAP server's Maildir-backed
 * INBOX, with its UIDVALIDITY, INTERNALDATE, ID support and after-commit actions.
 */
@Tag("e2e")
class DovecotE2EIT {
    private static final Instant DELIVERED = Instant.parse("2026-08-03T01:15:00Z");

    @TempDir
    Path dir;

    private OwnDovecot dovecot;
    private int port;
    private Path maildir;

    @BeforeEach
    void startDovecot() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dovecot = new OwnDovecot(dir, List.of("intake")).start();
        maildir = dovecot.maildir("intake");
        port = dovecot.imapPort();
    }

    @AfterEach
    void stopDovecot() throws Exception {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void takesEveryMessageOnceMarksItSeenAndKeepsItsInternalDate() throws Exception {
        deliver("1.eml", TestMail.simple("d1@example.cn", "=?UTF-8?B?5paw6IGM5Lia5bu66K6u5Lmm?=", "正文一"));
        deliver("2.eml", TestMail.simple("d2@example.cn", "second", "正文二"));

        try (App app = app("seen")) {
            PassResult first = app.intake().pollMailbox().orElseThrow();
            PassResult second = app.intake().pollMailbox().orElseThrow();

            assertThat(first.error()).isEmpty();
            assertThat(first.newCount()).isEqualTo(2);
            assertThat(second.newCount()).isZero();
            List<MessageRecord> messages = app.messages().list(10);
            assertThat(messages).extracting(MessageRecord::subject).containsExactlyInAnyOrder("新职业建议书", "second");
            assertThat(messages).extracting(MessageRecord::receivedAt).containsOnly(DELIVERED);
            assertThat(messages).extracting(MessageRecord::mailbox).allMatch(name -> name.startsWith("imap://intake@127.0.0.1"));
        }
        try (Stream<Path> cur = Files.list(maildir.resolve("cur"))) {
            assertThat(cur.map(file -> file.getFileName().toString())).hasSize(2).allMatch(name -> name.endsWith(",S"));
        }
    }

    @Test
    void movesTakenMessagesIntoAChineseFolder() throws Exception {
        deliver("1.eml", TestMail.simple("m1@example.cn", "move me", "正文"));

        try (App app = app("move")) {
            assertThat(app.intake().pollMailbox().orElseThrow().newCount()).isEqualTo(1);
        }
        try (Stream<Path> inbox = Stream.concat(Files.list(maildir.resolve("new")), Files.list(maildir.resolve("cur")))) {
            assertThat(inbox).isEmpty();
        }
        // Maildir++ keeps 已处理 under its IMAP modified UTF-7 name.
        Path processed = maildir.resolve(".&XfJZBHQG-");
        try (Stream<Path> moved = Stream.concat(Files.list(processed.resolve("new")), Files.list(processed.resolve("cur")))) {
            assertThat(moved).hasSize(1);
        }
    }

    private App app(String after) {
        Map<String, String> values = Map.of(
                "mailbox.protocol", "imap",
                "mailbox.host", "127.0.0.1",
                "mailbox.port", String.valueOf(port),
                "mailbox.user", "intake",
                "mailbox.password.env", "DOVECOT_TEST_PASSWORD",
                "mailbox.starttls", "false",
                "mailbox.after", after,
                "mailbox.timeout.seconds", "20");
        return new App(dir.resolve("data"), new Settings(dir.resolve("none"), values, Map.of("DOVECOT_TEST_PASSWORD", "secret")),
                Clock.systemUTC());
    }

    /** As a local delivery agent would: a whole file in new/, its modification time the delivery time. */
    private void deliver(String name, byte[] raw) throws IOException {
        Path file = maildir.resolve("new").resolve(DELIVERED.getEpochSecond() + "." + name + ".test");
        Files.write(file, raw);
        Files.setLastModifiedTime(file, FileTime.from(DELIVERED));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    }
}
