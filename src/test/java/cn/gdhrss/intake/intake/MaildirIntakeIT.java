package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: a Maildir on real files and a real SQLite register. */
class MaildirIntakeIT {
    @TempDir
    Path data;

    private App app;
    private Path maildirNew;

    @BeforeEach
    void start() throws IOException {
        app = new App(data, Settings.of(Map.of()), Clock.fixed(Instant.parse("2026-08-03T02:00:00Z"), ZoneOffset.UTC));
        maildirNew = Files.createDirectories(data.resolve("mailbox").resolve("new"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void deliver(String name, byte[] bytes) throws IOException {
        Files.write(maildirNew.resolve(name), bytes);
    }

    private PassResult poll() {
        return app.intake().pollMailbox().orElseThrow();
    }

    @Test
    void registersMessageArchivesItRawAndMovesItToCurAsSeen() throws IOException {
        byte[] raw = TestMail.simple("a1@example.cn", "=?UTF-8?B?5paw6IGM5Lia5bu66K6u5Lmm?=", "正文");
        deliver("1785720000.M1P1.host", raw);

        PassResult result = poll();

        assertThat(result.newCount()).isEqualTo(1);
        MessageRecord message = app.messages().list(10).get(0);
        assertThat(message.subject()).isEqualTo("新职业建议书");
        assertThat(message.messageId()).isEqualTo("a1@example.cn");
        assertThat(Files.readAllBytes(data.resolve(message.rawPath()))).isEqualTo(raw);
        assertThat(message.rawPath()).endsWith(message.sha256() + ".eml");
        assertThat(maildirNew.resolve("1785720000.M1P1.host")).doesNotExist();
        assertThat(data.resolve("mailbox/cur/1785720000.M1P1.host:2,S")).exists();
    }

    @Test
    void takesTheMaildirDeliveryTimeAsReceivedTime() throws IOException {
        deliver("1785720000.M1P1.host", TestMail.simple("t@example.cn", "x", "y"));
        poll();
        assertThat(app.messages().list(1).get(0).receivedAt()).isEqualTo(Instant.ofEpochSecond(1785720000L));
    }

    @Test
    void registersRedeliveredMessageOnlyOnce() throws IOException {
        byte[] raw = TestMail.simple("same@example.cn", "s", "b");
        deliver("1785720000.A.host", raw);
        deliver("1785720001.B.host", raw);

        PassResult result = poll();

        assertThat(result.newCount()).isEqualTo(1);
        assertThat(result.duplicateCount()).isEqualTo(1);
        assertThat(app.messages().list(10)).hasSize(1);
        assertThat(app.messages().listEvents(app.messages().list(1).get(0).id()))
                .extracting(event -> event.kind()).contains("received", "duplicate_delivery");
    }

    @Test
    void sameBytesWithoutMessageIdCreateNoNewRecord() throws IOException {
        deliver("1785720000.A.host", TestMail.withoutMessageId("x"));
        deliver("1785720001.B.host", TestMail.withoutMessageId("x"));
        poll();
        assertThat(app.messages().list(10)).hasSize(1);
    }

    @Test
    void keepsAndFlagsKnownMessageIdWithOtherBytes() throws IOException {
        deliver("1785720000.A.host", TestMail.simple("dup@example.cn", "s", "first"));
        deliver("1785720001.B.host", TestMail.simple("dup@example.cn", "s", "second"));

        poll();

        List<MessageRecord> messages = app.messages().list(10);
        assertThat(messages).hasSize(2);
        assertThat(messages).filteredOn(MessageRecord::messageIdConflict).hasSize(1);
    }

    @Test
    void importedMessageIsReceivedAtItsTopmostReceivedHeader() throws IOException {
        Path file = data.resolve("saved.eml");
        Files.write(file, TestMail.simple("imp@example.cn", "s", "b"));

        app.intake().runOnce(new FileImportSource(List.of(file)), done -> { });

        assertThat(app.messages().list(1).get(0).receivedAt()).isEqualTo(Instant.parse("2026-08-03T01:15:00Z"));
    }

    @Test
    void importedMessageWithoutReceivedIsReceivedAtItsDate() throws IOException {
        Path file = data.resolve("saved.eml");
        Files.writeString(file, "Date: Tue, 4 Aug 2026 10:00:00 +0800\r\nSubject: x\r\n\r\nbody\r\n", StandardCharsets.UTF_8);
        app.intake().runOnce(new FileImportSource(List.of(file)), done -> { });
        assertThat(app.messages().list(1).get(0).receivedAt()).isEqualTo(Instant.parse("2026-08-04T02:00:00Z"));
    }

    @Test
    void importingTheSameFolderAgainAddsNothing() throws IOException {
        Path folder = Files.createDirectories(data.resolve("saved"));
        for (int i = 0; i < 5; i++) {
            Files.write(folder.resolve(i + ".eml"), TestMail.simple("m" + i + "@example.cn", "s" + i, "b"));
        }
        PassResult first = app.intake().runOnce(new FileImportSource(List.of(folder)), done -> { }).orElseThrow();
        PassResult second = app.intake().runOnce(new FileImportSource(List.of(folder)), done -> { }).orElseThrow();

        assertThat(first.newCount()).isEqualTo(5);
        assertThat(second.newCount()).isZero();
        assertThat(second.duplicateCount()).isEqualTo(5);
        assertThat(app.messages().list(100)).hasSize(5);
    }

    @Test
    void secondPassIsRefusedWhileOneHoldsTheLock() throws IOException {
        PassLock otherProcess = new PassLock(data);
        try (PassLock.Held held = otherProcess.tryAcquire().orElseThrow()) {
            Optional<PassResult> result = app.intake().pollMailbox();
            assertThat(result).isEmpty();
        }
        assertThat(app.intake().pollMailbox()).isPresent();
    }

    @Test
    void unreadableMaildirIsReportedAsUnavailableAndRecorded() throws IOException {
        Path notADirectory = data.resolve("file");
        Files.writeString(notADirectory, "x", StandardCharsets.UTF_8);
        try (App broken = new App(data.resolve("other"), Settings.of(Map.of("mailbox.maildir", notADirectory.toString())),
                Clock.systemUTC())) {
            PassResult result = broken.intake().pollMailbox().orElseThrow();
            assertThat(result.isOk()).isFalse();
            assertThat(result.error()).contains(notADirectory.toString());
            assertThat(broken.passes().listRecent(1).get(0).error()).isNotEmpty();
        }
    }

    @Test
    void archiveLeavesNoTemporaryFilesBehind() throws IOException {
        deliver("1785720000.A.host", TestMail.simple("t1@example.cn", "s", "b"));
        poll();
        try (Stream<Path> temps = Files.list(data.resolve("archive/tmp"))) {
            assertThat(temps).isEmpty();
        }
    }
}
