package cn.gdhrss.intake.intake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Only one pass at a time over a data directory: a thread lock inside the process, and an OS file
 * lock on {@code pass.lock} against a second process started by mistake on the same data.
 */
public final class PassLock {
    private final Path file;
    private final ReentrantLock threadLock = new ReentrantLock();

    public PassLock(Path dataDir) {
        this.file = dataDir.resolve("pass.lock");
    }

    /** The lock if free now; empty when another pass (here or in another process) holds it. */
    public Optional<Held> tryAcquire() throws IOException {
        if (!threadLock.tryLock()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                threadLock.unlock();
                return Optional.empty();
            }
            return Optional.of(new Held(channel, lock));
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    /** A held lock; closing releases it. */
    public final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                threadLock.unlock();
            }
        }
    }
}
