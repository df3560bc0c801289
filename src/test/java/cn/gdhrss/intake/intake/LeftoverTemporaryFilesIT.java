package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half-written temporary files of a killed process (archive, file store, outbox) are removed when
 * the service next starts; those of a process still running are left alone.
 */
class LeftoverTemporaryFilesIT {
    @TempDir
    Path dir;

    @Test
    void aKillWhileArchivingOrWritingAReplyLeavesNothingBehindAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        Files.write(maildirNew.resolve("1785720000.M1.host"), TestMail.simple("part1@example.cn", "申报", "正文"));

        Process archiving = ChildPoll.start(data, "-Dintake.crash-at=archive.writing:1");
        assertThat(archiving.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(archiving.exitValue()).as(ChildPoll.log(data)).isEqualTo(137);
        assertThat(files(data.resolve("archive/tmp"))).singleElement().asString().endsWith(".part");

        Process replying = ChildPoll.start(data, "-Dintake.crash-at=outbox.writing:1");
        assertThat(replying.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(replying.exitValue()).as(ChildPoll.log(data)).isEqualTo(137);
        assertThat(files(data.resolve("archive/tmp"))).as("removed by the second start").isEmpty();
        assertThat(files(data.resolve("outbox"))).singleElement().asString().endsWith(".part");

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            assertThat(files(data.resolve("outbox"))).isEmpty();
            app.intake().pollMailbox().orElseThrow();
            app.outboxSender().sendDue();
            assertThat(app.messages().list(10)).singleElement().extracting(MessageRecord::status).isEqualTo("answered");
        }
        assertThat(files(data.resolve("outbox"))).singleElement().asString().endsWith(".eml");
    }

    @Test
    void filesOfAProcessStillRunningAreKept() throws Exception {
        Path data = dir.resolve("data");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Path store = Files.createDirectories(data.resolve("files/tmp"));
            Path abandoned = Files.writeString(store.resolve("part~" + gone.pid() + "~123.tmp"), "half");
            Path busy = Files.writeString(store.resolve("part~" + running.pid() + "~456.tmp"), "being written");
            new App(data, Settings.of(Map.of()), Clock.systemUTC()).close();
            assertThat(abandoned).doesNotExist();
            assertThat(busy).exists();
        } finally {
            running.destroy();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
