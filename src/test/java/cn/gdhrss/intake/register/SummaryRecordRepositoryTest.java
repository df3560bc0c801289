package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's rows are read on a thread of their own, except where that thread would wait forever. */
class SummaryRecordRepositoryTest {

    @Test
    void readsOnTheCallingThreadInsideItsTransaction(@TempDir Path dir) {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            SummaryRecordRepository records = new SummaryRecordRepository(database);
            AtomicBoolean read = new AtomicBoolean();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> database.inTransaction(connection -> {
                records.visitSummaryRecords(LocalDate.of(2026, 8, 10), null, List.of("广州市"), record -> { });
                read.set(true);
                return null;
            }));
            assertThat(read).isTrue();
        }
    }
}
