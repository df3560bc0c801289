package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Apache-2.0/MIT file of the shared mail corpus: extraction never throws and every file has a status. */
class MailCorpusExtractionTest {

    @TempDir
    static Path storeRoot;

    private static FileStore store;
    private static MessageExtractor extractor;

    @BeforeAll
    static void buildExtractor() {
        store = new FileStore(storeRoot);
        extractor = new MessageExtractor(AttachmentLimits.defaults(), store, Fixtures.TYPES);
    }

    static Stream<Path> corpusFiles() throws IOException, URISyntaxException {
        Path folder = Fixtures.resource("mail/corpus");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> !file.getFileName().toString().equals("README.md")).sorted().toList();
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void extractsWithoutExceptionAndGivesEveryFileAStatus(Path message) throws IOException {
        Extraction extraction = extractor.extract(message);

        assertThat(extraction.files()).allSatisfy(file -> {
            assertThat(file.status()).isNotNull();
            assertThat(file.name()).isNotBlank();
            assertThat(file.statusReason().isEmpty()).isEqualTo(file.status() == AttachmentStatus.OK);
            if (file.isStored()) {
                assertThat(Files.size(store.pathOf(Objects.requireNonNull(file.sha256())))).isEqualTo(file.size());
            }
        });
        assertThat(extraction.files()).extracting(ExtractedFile::seq)
                .containsExactlyElementsOf(Stream.iterate(1, seq -> seq + 1).limit(extraction.files().size()).toList());
        assertThat(extraction.bodyText().length()).isLessThanOrEqualTo(MessageExtractor.MAX_BODY_CHARS);
    }
}
