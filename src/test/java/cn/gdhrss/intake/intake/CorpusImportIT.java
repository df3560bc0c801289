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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile mail of the corpus (Apache-2.0 and MIT groups, see resources/mail/corpus/README.md)
 * imported through the whole pipeline: each archived and registered with a status, none stuck,
 * none lost, and a second import adds nothing. The folder's README is imported too, as staff's
 * import would: it is a broken message like any other.
 */
class CorpusImportIT {
    private static final Path CORPUS = Path.of("src/test/resources/mail/corpus");

    @TempDir
    Path data;

    @Test
    void importsEveryCorpusFileWithAStatusAndReimportsNothing() throws IOException {
        long files = countMessages();
        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            PassResult first = app.intake().runOnce(new FileImportSource(List.of(CORPUS)), done -> { }).orElseThrow();
            List<MessageRecord> messages = app.messages().list(10_000);

            assertThat(first.failed()).isZero();
            assertThat(first.newCount() + first.duplicateCount()).isEqualTo(files);
            assertThat(messages).hasSize(first.newCount());
            for (MessageRecord message : messages) {
                assertThat(data.resolve(message.rawPath())).exists();
                assertThat(message.status()).as("message %s (%s)", message.id(), message.uid())
                        .isNotIn("received", "extracted", "failed");
            }

            PassResult second = app.intake().runOnce(new FileImportSource(List.of(CORPUS)), done -> { }).orElseThrow();
            assertThat(second.newCount()).isZero();
            assertThat(app.messages().list(10_000)).hasSize(first.newCount());
        }
    }

    private static long countMessages() throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .count();
        }
    }
}
