package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content-addressed store of attachment bytes: {@code root/ab/<sha256>}, where {@code ab} are the
 * first two hex digits. A file is written to a temporary name, fsynced and renamed, so a crash
 * never leaves a half-written file under a hash name; storing the same bytes twice is harmless.
 * Names taken from a message never reach the file system.
 */
public final class FileStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public FileStore(Path root) {
        this.root = root;
    }

    /**
     * Streams {@code in} to the store; never holds the whole content in memory. The caller owns
     * {@code in} and closes it.
     *
     * @return the hash and size; when {@code in} holds more than {@code maxBytes}, stops reading
     *     at {@code maxBytes + 1} bytes, stores nothing and returns {@code overLimit = true}
     * @throws UnreadableInputException when reading {@code in} fails (bad encoding, truncated
     *     archive entry...): a fault of the input, not of the store
     * @throws IOException when the store cannot be written
     */
    public StoredFile store(InputStream in, long maxBytes) throws IOException {
        Path temporary = TemporaryFiles.create(temporaryDirectory(), "part", ".tmp");
        try {
            Copy copy = copyLimited(in, temporary, maxBytes);
            if (copy.size() > maxBytes) {
                return new StoredFile("", copy.size(), true);
            }
            moveIntoPlace(temporary, copy.sha256());
            return new StoredFile(copy.sha256(), copy.size(), false);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Scratch space on the same file system, for temporary files of an extraction. */
    public Path temporaryDirectory() {
        return root.resolve("tmp");
    }

    /** Where the bytes of {@code sha256} are (or would be) stored. */
    public Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a lowercase SHA-256: '" + sha256 + "'");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private record Copy(String sha256, long size) {}

    private static Copy copyLimited(InputStream in, Path target, long maxBytes) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = CopyBuffers.take();
        long size = 0;
        try (SyncedFileWriter out = new SyncedFileWriter(target)) {
            int read;
            while (size <= maxBytes && (read = readFrom(in, buffer)) > 0) {
                int kept = (int) Math.min(read, maxBytes + 1 - size);
                out.write(buffer, 0, kept);
                digest.update(buffer, 0, kept);
                size += kept;
            }
            out.finish();
        } finally {
            CopyBuffers.give(buffer);
        }
        return new Copy(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static int readFrom(InputStream in, byte[] buffer) throws UnreadableInputException {
        try {
            return in.read(buffer);
        } catch (IOException | RuntimeException e) {
            // Decoders and archive readers throw unchecked exceptions on some hostile input too.
            throw new UnreadableInputException(e);
        }
    }

    private void moveIntoPlace(Path temporary, String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        syncDirectory(target.getParent());
    }

    /** The rename is durable only once the directory entry is; not every platform allows this. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // Windows cannot open a directory as a channel; the rename itself is still atomic.
        }
    }
}
