package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Shared test fixtures: one Tika detector for all tests (it is slow to build). */
final class Fixtures {

    static final TypeDetector TYPES = new TypeDetector();

    private Fixtures() {}

    static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(Fixtures.class.getClassLoader().getResource(name), name).toURI());
    }

    static byte[] document(String name) {
        try {
            return Files.readAllBytes(resource("attachment/documents/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** Writes the message into {@code temp} and extracts it into a store under {@code temp}. */
    static Extraction extract(Path temp, RawMessage message, AttachmentLimits limits) throws IOException {
        Path file = message.writeTo(Files.createTempFile(temp, "message-", ".eml"));
        return new MessageExtractor(limits, new FileStore(temp.resolve("store")), TYPES).extract(file);
    }

    static Extraction extract(Path temp, RawMessage message) throws IOException {
        return extract(temp, message, AttachmentLimits.defaults());
    }

    /** The one file of the extraction with this name. */
    static ExtractedFile named(Extraction extraction, String name) {
        return extraction.files().stream().filter(file -> file.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No file named '" + name + "' in " + extraction.files()));
    }
}
