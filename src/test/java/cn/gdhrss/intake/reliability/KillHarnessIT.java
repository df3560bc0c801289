package cn.gdhrss.intake.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of {@code ./run.sh reliability kill}: 8 mails over IMAP, replies over SMTP, 4 kills
 * at seeded points; nothing lost, nothing doubled, every table as in an uninterrupted run.
 */
class KillHarnessIT {
    @TempDir
    Path dir;

    @Test
    void killsAtSeededPointsLoseAndDoubleNothing() throws Exception {
        KillHarness harness = new KillHarness(8, 4, 7, dir);
        List<String> report = harness.run();
        assertThat(harness.violations()).as(String.join("\n", report)).isEmpty();
        assertThat(report).contains("RESULT ok").anySatisfy(line -> assertThat(line).startsWith("messages registered once: 8/8"));
    }
}
