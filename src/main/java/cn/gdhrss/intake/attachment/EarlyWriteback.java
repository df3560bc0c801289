package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Starts the disk writing of a large file while it is still being written: after every few tens of
 * megabytes, the data written so far is forced from a background thread, so the closing fsync of a
 * 1.4 GB message waits for the last blocks only instead of all of them (issue 12). Durability still
 * rests on the writer's own {@code force(true)} at the end, after {@link #finish()}: a background
 * force that fails is of no consequence, as the closing one fails the same way.
 */
public final class EarlyWriteback {
    private static final long STEP_BYTES = 32L << 20;
    private static final ExecutorService FLUSHER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "early-writeback");
        thread.setDaemon(true);
        return thread;
    });

    private final FileChannel channel;
    private long unflushed;
    private @Nullable CompletableFuture<Void> running;

    public EarlyWriteback(FileChannel channel) {
        this.channel = channel;
    }

    /** Notes {@code bytes} more written; past a step, starts forcing them unless a force is still under way. */
    public void wrote(int bytes) {
        unflushed += bytes;
        if (unflushed < STEP_BYTES || (running != null && !running.isDone())) {
            return;
        }
        unflushed = 0;
        running = CompletableFuture.runAsync(this::forceQuietly, FLUSHER);
    }

    /** Waits for a background force under way; call before the closing force and before closing the channel. */
    public void finish() {
        if (running != null) {
            running.join();
        }
    }

    private void forceQuietly() {
        try {
            channel.force(false);
        } catch (IOException e) {
            // The writer's closing force reports a failing disk; this one only started the writing early.
        }
    }
}
