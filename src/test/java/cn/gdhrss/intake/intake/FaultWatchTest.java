package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gdhrss.intake.reply.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A fault met at every message of a pass, pass after pass, is one log line a minute, with no stack trace. */
class FaultWatchTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T02:00:00Z"));

    @Test
    void logsOneLinePerFaultKindPerMinuteAndOneWhenItClears() {
        Logger logger = (Logger) LoggerFactory.getLogger(FaultWatch.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            FaultWatch watch = new FaultWatch(dir, clock);
            for (int second = 0; second < 150; second++) {
                watch.report(Fault.DISK_FULL, "No space left on device");
                watch.report(Fault.REGISTER_BUSY, "database is locked");
                clock.advance(Duration.ofSeconds(1));
            }
            watch.clear(Fault.DISK_FULL);
            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(line -> line.contains("disk_full")).hasSize(4).last().asString().contains("cleared after 150 s");
            assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().contains("register_busy")).hasSize(3);
            assertThat(lines.list).allMatch(line -> line.getThrowableProxy() == null);
            assertThat(FaultWatch.read(dir)).containsOnlyKeys(Fault.REGISTER_BUSY);
            assertThat(new FaultWatch(dir, clock).active()).as("a restart still knows it").containsOnlyKeys(Fault.REGISTER_BUSY);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(before);
        }
    }

    @Test
    void tellsTheMachinesFaultsFromAMessagesOwnProblems() {
        assertThat(Fault.of(new java.io.UncheckedIOException(new java.nio.file.FileSystemException("/data/files/x.part", null,
                "No space left on device")))).contains(Fault.DISK_FULL);
        assertThat(Fault.of(new RuntimeException("wrapped", new java.sql.SQLException(
                "[SQLITE_BUSY] The database file is locked (database is locked)")))).contains(Fault.REGISTER_BUSY);
        assertThat(Fault.of(new java.io.IOException("Truncated ZIP file"))).isEmpty();
    }
}
