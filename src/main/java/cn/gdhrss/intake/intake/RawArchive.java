package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.attachment.CopyBuffers;
import cn.gdhrss.intake.attachment.Sha256;
import cn.gdhrss.intake.attachment.SyncedFileWriter;
import cn.gdhrss.intake.attachment.TemporaryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The content-addressed archive of raw messages: {@code archive/ab/cd/<sha256>.eml} under the data
 * directory. Bytes go to a temporary file first, are forced to disk, and only then renamed into
 * place, so a file under its final name is always whole. Storing the same bytes twice is harmless.
 */
public final class RawArchive {

    private final Path dataDir;
    private final Path root;

    public RawArchive(Path dataDir) {
        this.dataDir = dataDir;
        this.root = dataDir.resolve("archive");
    }

    /** Streams {@code in} into the archive (never held in memory); the caller closes {@code in}. */
    public ArchivedMessage store(InputStream in) throws IOException {
        Path temp = TemporaryFiles.create(temporaryDirectory(), "incoming", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (SyncedFileWriter out = new SyncedFileWriter(temp)) {
                size = copy(in, out, digest);
                CrashPoints.reach("archive.writing");
                out.finish();
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            Files.createDirectories(target.getParent());
            moveIntoPlace(temp, target);
            return new ArchivedMessage(sha, size, target, dataDir.relativize(target).toString().replace('\\', '/'));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Where messages are written before they are whole; nothing else lives there. */
    public Path temporaryDirectory() {
        return root.resolve("tmp");
    }

    public Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + ".eml");
    }

    public Path resolve(String relativePath) {
        return dataDir.resolve(relativePath);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.getParent());
    }

    /** The rename itself must reach the disk before the register says the message is archived. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for reading; the file's own force still holds.
        }
    }

    /** Hashes while writing, one pass; in large blocks, as 8 KiB writes cost a 1.4 GB message seconds (issue 12). */
    private static long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
        byte[] buffer = CopyBuffers.take();
        try {
            long size = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                digest.update(buffer, 0, read);
                size += read;
            }
            out.flush();
            return size;
        } finally {
            CopyBuffers.give(buffer);
        }
    }

}
