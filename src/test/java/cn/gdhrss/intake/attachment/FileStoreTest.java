package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path root;

    @Test
    void storesUnderTheHashInATwoCharacterFolder() throws IOException {
        StoredFile stored = new FileStore(root).store(new ByteArrayInputStream(HELLO), 100);

        assertThat(stored).isEqualTo(new StoredFile(HELLO_SHA256, 5, false));
        assertThat(root.resolve("2c").resolve(HELLO_SHA256)).hasBinaryContent(HELLO);
    }

    @Test
    void storesTheSameBytesTwiceWithoutHarm() throws IOException {
        FileStore store = new FileStore(root);
        store.store(new ByteArrayInputStream(HELLO), 100);

        StoredFile again = store.store(new ByteArrayInputStream(HELLO), 100);

        assertThat(again.sha256()).isEqualTo(HELLO_SHA256);
        assertThat(store.pathOf(HELLO_SHA256)).hasBinaryContent(HELLO);
        try (Stream<Path> temporaries = Files.list(root.resolve("tmp"))) {
            assertThat(temporaries).isEmpty();
        }
    }

    @Test
    void storesNothingOverTheLimit() throws IOException {
        StoredFile stored = new FileStore(root).store(new ByteArrayInputStream(HELLO), 4);

        assertThat(stored.overLimit()).isTrue();
        assertThat(stored.sha256()).isEmpty();
        assertThat(Files.exists(root.resolve("2c"))).isFalse();
    }

    @Test
    void reportsAFailingInputAsUnreadable() {
        FileStore store = new FileStore(root);
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Error in encoded stream");
            }
        };

        assertThatThrownBy(() -> store.store(broken, 100)).isInstanceOf(UnreadableInputException.class);
    }

    @Test
    void refusesAPathForSomethingThatIsNotAHash() {
        assertThatThrownBy(() -> new FileStore(root).pathOf("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
