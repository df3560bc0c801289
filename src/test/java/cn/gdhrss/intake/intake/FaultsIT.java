package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.SampleMails;
import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the machine are waited out, never counted against a message: a full disk (a size-limited
 * tmpfs under the data directory), a register locked by another process, a Maildir gone. Each time
 * the pass stops with one sentence, {@code status} says what is wrong and exits 1, and the next pass
 * after the fault clears finishes the work with nothing lost and no staff action.
 */
class FaultsIT {
    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            umount(mounted);
        }
    }

    @Test
    void fullArchiveDiskLeavesTheMailOnTheServerUntilThereIsRoom() throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        writeMailWithAttachment(maildirNew, "1785720000.M1.host", 300 * 1024);
        mountSmallDisk(data.resolve("archive"));

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            PassResult full = app.intake().pollMailbox().orElseThrow();
            assertThat(full.fault()).isEqualTo(Fault.DISK_FULL);
            assertThat(app.messages().list(10)).isEmpty();
        }
        assertThat(count(maildirNew)).as("left on the server").isOne();
        Status status = status(data);
        assertThat(status.exitCode()).isOne();
        assertThat(status.output()).contains("故障：数据目录所在的磁盘已满，服务暂停处理，腾出空间后自动继续");

        umount(mounted);
        mounted = null;
        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            assertThat(app.intake().pollMailbox().orElseThrow().isOk()).isTrue();
            assertThat(app.messages().list(10)).singleElement().extracting(MessageRecord::status).isEqualTo("answered");
        }
        assertThat(count(maildirNew)).isZero();
        assertThat(status(data).output()).doesNotContain("故障：");
    }

    /**
     * A small attachment, and a large one whose bytes past its first 16 MiB are written straight to the
     * disk (issue 12): a full disk is a fault either way, not the message's failure.
     */
    @ParameterizedTest
    @CsvSource({"307200, 64k", "41943040, 24m"})
    void fullFileStoreDiskIsNotCountedAsTheMessagesFailure(int attachmentBytes, String diskSize) throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        writeMailWithAttachment(maildirNew, "1785720000.M2.host", attachmentBytes);
        mountSmallDisk(data.resolve("files"), diskSize);

        try (App app = new App(data, Settings.of(Map.of("intake.max-attempts", "2")), Clock.systemUTC())) {
            for (int pass = 0; pass < 4; pass++) {
                assertThat(app.intake().pollMailbox().orElseThrow().fault()).isEqualTo(Fault.DISK_FULL);
            }
            MessageRecord waiting = app.messages().list(10).get(0);
            assertThat(waiting.status()).as("not set aside as failed").isEqualTo("received");
            assertThat(waiting.attempts()).isZero();
            assertThat(app.intake().faults().active()).containsOnlyKeys(Fault.DISK_FULL);

            umount(mounted);
            mounted = null;
            assertThat(app.intake().pollMailbox().orElseThrow().isOk()).isTrue();
            assertThat(app.messages().list(10)).singleElement().extracting(MessageRecord::status).isEqualTo("answered");
            assertThat(app.intake().faults().active()).isEmpty();
            assertThat(app.messages().listAttachments(waiting.id())).singleElement()
                    .satisfies(attachment -> assertThat(attachment.size()).isEqualTo(attachmentBytes));
        }
    }

    @Test
    void fullOutboxDiskKeepsTheReplyQueuedWithoutUsingItsAttempts() throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        Files.write(maildirNew.resolve("1785720000.M5.host"), TestMail.simple("outbox@example.cn", "申报", "正文"));
        mountSmallDisk(data.resolve("outbox"));
        byte[] filler = new byte[60 * 1024];
        Files.write(data.resolve("outbox/.filler"), filler);

        try (App app = new App(data, Settings.of(Map.of("reply.max-attempts", "2", "reply.retry.initial-seconds", "0")),
                Clock.systemUTC())) {
            app.intake().pollMailbox().orElseThrow();
            for (int i = 0; i < 4; i++) {
                app.outboxSender().sendDue();
            }
            OutboxRecord waiting = app.outbox().list(1).get(0);
            assertThat(waiting.state()).isEqualTo("retrying");
            assertThat(waiting.attempts()).isZero();
            assertThat(waiting.lastResponse()).isEqualTo("数据目录所在的磁盘已满，等待腾出空间后发送");

            umount(mounted);
            mounted = null;
            app.outboxSender().sendDue();
            assertThat(app.outbox().list(1).get(0).state()).isEqualTo("written");
        }
    }

    @Test
    void pollWithTheRegisterLockedSaysSoInOneSentenceAndTheNextPassTakesTheMail() throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        Files.write(maildirNew.resolve("1785720000.M3.host"), TestMail.simple("locked@example.cn", "申报", "正文"));
        new App(data, Settings.of(Map.of()), Clock.systemUTC()).close();

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("register.db"));
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("INSERT INTO service_state (name, value, changed_at) VALUES ('held-by-test', 'x', 'now')");
            Process child = ChildPoll.start(data);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = ChildPoll.log(data);
            assertThat(child.exitValue()).as(output).isOne();
            assertThat(output).contains("登记库正被另一个进程锁定，请等该进程结束后再运行本命令（已登记的邮件不受影响）。")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            statement.execute("ROLLBACK");
        }
        assertThat(FaultWatch.read(data)).containsOnlyKeys(Fault.REGISTER_BUSY);

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            assertThat(app.intake().pollMailbox().orElseThrow().isOk()).isTrue();
            assertThat(app.messages().list(10)).singleElement().extracting(MessageRecord::status).isEqualTo("answered");
        }
        assertThat(FaultWatch.read(data)).isEmpty();
    }

    @Test
    void aMaildirRenamedAwayIsReportedNotRecreatedEmpty() throws Exception {
        Path data = dir.resolve("data");
        new App(data, Settings.of(Map.of()), Clock.systemUTC()).close();
        Path maildir = data.resolve("mailbox");
        assertThat(maildir.resolve("new")).as("created on the first start").isDirectory();
        Files.write(maildir.resolve("new/1785720000.M4.host"), TestMail.simple("moved@example.cn", "申报", "正文"));
        Path elsewhere = Files.move(maildir, data.resolve("mailbox-renamed"));

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            PassResult result = app.intake().pollMailbox().orElseThrow();
            assertThat(result.isOk()).isFalse();
            assertThat(result.error()).contains("不存在（是否被改名、移走或未挂载？）");
        }
        assertThat(maildir).doesNotExist();
        Status status = status(data);
        assertThat(status.exitCode()).isOne();
        assertThat(status.output()).contains("故障：邮箱暂时无法读取");

        Files.move(elsewhere, maildir);
        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            assertThat(app.intake().pollMailbox().orElseThrow().isOk()).isTrue();
            assertThat(app.messages().list(10)).hasSize(1);
        }
        assertThat(FaultWatch.read(data)).isEmpty();
    }

    private record Status(int exitCode, String output) {}

    private static Status status(Path data) throws Exception {
        Files.deleteIfExists(data.resolve("child.log"));
        Process child = ChildPoll.start(data, "", List.of("status"));
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Status(child.exitValue(), ChildPoll.log(data));
    }

    private static void writeMailWithAttachment(Path dir, String file, int bytes) throws IOException {
        byte[] noise = new byte[bytes];
        new Random(11).nextBytes(noise);
        SampleMails.write(dir, file, "applicant@example.cn", "", List.of(new Part("材料.bin", noise)));
    }

    /** A 64 KiB tmpfs at {@code at}: root only, as ./run.sh test runs; skipped elsewhere. */
    private void mountSmallDisk(Path at) throws Exception {
        mountSmallDisk(at, "64k");
    }

    private void mountSmallDisk(Path at, String size) throws Exception {
        Files.createDirectories(at);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        boolean ok = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeThat(ok).as("a tmpfs can be mounted (root)").isTrue();
        mounted = at;
    }

    private static void umount(Path at) throws Exception {
        new ProcessBuilder("umount", at.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
