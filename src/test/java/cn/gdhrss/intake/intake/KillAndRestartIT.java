package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import java.io.File;
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
 * A process killed with SIGKILL in the middle of a pass, then started again, finishes the work
 * with nothing lost and nothing doubled.
 */
class KillAndRestartIT {
    private static final int MESSAGES = 400;

    @TempDir
    Path dir;

    @Test
    void restartAfterKillRegistersEveryMessageExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        for (int i = 0; i < MESSAGES; i++) {
            Files.write(maildirNew.resolve((1785720000L + i) + ".M" + i + ".host"),
                    TestMail.simple("k" + i + "@example.cn", "申报" + i, "正文 " + i));
        }

        Process process = ChildPoll.start(data);
        waitUntilSomeAreTaken(data.resolve("mailbox/cur"), process);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long leftInNew = count(maildirNew);
        assertThat(leftInNew).as("the kill must land in the middle of the pass").isBetween(1L, (long) MESSAGES - 1);

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            app.intake().pollMailbox().orElseThrow();
            List<MessageRecord> messages = app.messages().list(10_000);
            assertThat(messages).hasSize(MESSAGES);
            assertThat(messages).extracting(MessageRecord::messageId).doesNotHaveDuplicates();
            for (MessageRecord message : messages) {
                assertThat(data.resolve(message.rawPath())).exists();
            }
        }
        assertThat(count(maildirNew)).isZero();
        assertThat(count(data.resolve("mailbox/cur"))).isEqualTo(MESSAGES);
    }

    private static void waitUntilSomeAreTaken(Path cur, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.isDirectory(cur) && count(cur) >= 20) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("child pass did not start taking mail: " + ChildPoll.log(cur.getParent().getParent()));
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.toString().endsWith(File.separator)).count();
        }
    }
}
