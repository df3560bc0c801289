package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.IntakeRepository;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are archived several at once, yet registered in their order, each once. */
class ParallelArchivingIT {
    @TempDir
    Path dir;

    @Test
    void manyFilesAreRegisteredInTheirOrderEachOnce() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = "x".repeat(i * 997);
            files.add(Files.writeString(dir.resolve(String.format("%02d.eml", i)), "Message-ID: <m" + i + "@example.cn>\r\n"
                    + "From: a" + i + "@example.cn\r\nSubject: mail " + i + "\r\n\r\n" + body + "\r\n", StandardCharsets.US_ASCII));
        }
        files.add(30, files.get(5));

        try (Database database = Database.open(dir.resolve("data/register.db"))) {
            IntakeRepository intake = new IntakeRepository(database, Clock.systemUTC());
            IntakePass pass = new IntakePass(new RawArchive(dir.resolve("data")), intake, Clock.systemUTC());

            PassResult result = pass.run(new FileImportSource(files), count -> { });

            assertThat(result.newCount()).as(result.toString()).isEqualTo(40);
            assertThat(result.failed()).isZero();
            assertThat(result.duplicateCount()).isEqualTo(1);
            List<MessageRecord> registered = new MessageRepository(database, Clock.systemUTC()).list(100).stream()
                    .sorted(Comparator.comparingLong(MessageRecord::id)).toList();
            assertThat(registered).extracting(MessageRecord::subject)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "mail " + i).toList());
            assertThat(Files.list(dir.resolve("data/archive/tmp")).toList()).isEmpty();
        }
    }
}
