package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written partly through the page cache and partly straight to the disk come out whole (issue 12). */
class SyncedFileWriterTest {
    private static final int CACHED = 8192;
    private static final int DIRECT = 65536;
    /** File systems of Linux that take O_DIRECT; elsewhere the writer must fall back, which the contents check. */
    private static final Set<String> DIRECT_CAPABLE = Set.of("ext4", "xfs", "btrfs", "ext3");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, CACHED - 1, CACHED, CACHED + 1, CACHED + DIRECT - 1, CACHED + DIRECT,
            CACHED + DIRECT + 1, CACHED + 3 * DIRECT + 17})
    void writesEveryByteWhereverTheCachedPartEnds(int size) throws IOException {
        byte[] content = bytes(size, size);
        Path file = Files.createFile(dir.resolve("f" + size));

        boolean direct = writeInRandomPieces(file, content, CACHED, DIRECT, size);

        assertThat(file).hasBinaryContent(content);
        if (size > CACHED && DIRECT_CAPABLE.contains(Files.getFileStore(dir).type())) {
            assertThat(direct).as("the part past %d bytes went to the disk directly", CACHED).isTrue();
        }
        if (size <= CACHED) {
            assertThat(direct).isFalse();
        }
    }

    @Test
    void aLargeFileWithTheDefaultSizesIsWholeAndEndsUnpadded() throws IOException {
        byte[] content = bytes((int) SyncedFileWriter.CACHED_BYTES + (4 << 20) + 123, 7);
        Path file = Files.createFile(dir.resolve("large"));

        try (SyncedFileWriter out = new SyncedFileWriter(file)) {
            out.write(content, 0, content.length);
            out.finish();
        }

        assertThat(Files.size(file)).isEqualTo(content.length);
        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(content));
    }

    @Test
    void theNextFileOfTheSameThreadDoesNotSeeTheBytesOfTheLastOne() throws IOException {
        byte[] first = bytes(CACHED + DIRECT + 5000, 1);
        byte[] second = bytes(CACHED + 100, 2);
        Path a = Files.createFile(dir.resolve("a"));
        Path b = Files.createFile(dir.resolve("b"));

        writeInRandomPieces(a, first, CACHED, DIRECT, 3);
        writeInRandomPieces(b, second, CACHED, DIRECT, 4);

        assertThat(a).hasBinaryContent(first);
        assertThat(b).hasBinaryContent(second);
    }

    @Test
    void aCachedPartThatEndsInsideABlockKeepsTheWholeFileInTheCache() throws IOException {
        byte[] content = bytes(1000 + 2 * DIRECT + 99, 9);
        Path file = Files.createFile(dir.resolve("unaligned"));

        boolean direct = writeInRandomPieces(file, content, 1000, DIRECT, 5);

        assertThat(direct).isFalse();
        assertThat(file).hasBinaryContent(content);
    }

    @Test
    void aFileOnTmpfsIsWholeWhetherOrNotTheKernelTakesDirectWritesThere() throws IOException {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm");
        Path file = Files.createTempFile(shm, "synced", ".tmp");
        try {
            byte[] content = bytes(CACHED + 2 * DIRECT + 99, 9);

            writeInRandomPieces(file, content, CACHED, DIRECT, 5);

            assertThat(file).hasBinaryContent(content);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theFileStoreKeepsTheHashAndBytesOfALargeAttachment() throws IOException {
        byte[] content = bytes((int) SyncedFileWriter.CACHED_BYTES + 1_000_003, 11);

        StoredFile stored = new FileStore(dir.resolve("store")).store(new ByteArrayInputStream(content), Long.MAX_VALUE - 1);

        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(sha256(Files.readAllBytes(new FileStore(dir.resolve("store")).pathOf(stored.sha256())))).isEqualTo(sha256(content));
    }

    /** Writes {@code content} in pieces of random sizes (seeded), as decoders hand them over; returns whether any went direct. */
    private static boolean writeInRandomPieces(Path file, byte[] content, int cached, int direct, long seed) throws IOException {
        Random random = new Random(seed);
        try (SyncedFileWriter out = new SyncedFileWriter(file, cached, direct)) {
            int at = 0;
            while (at < content.length) {
                int piece = Math.min(content.length - at, random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(3 * direct / 2));
                if (piece == 1) {
                    out.write(content[at] & 0xff);
                } else {
                    out.write(content, at, piece);
                }
                at += piece;
            }
            out.finish();
            return out.wentDirect();
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
