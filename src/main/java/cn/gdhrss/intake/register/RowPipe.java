package cn.gdhrss.intake.register;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Rows read on a thread of their own and handed to the calling thread a block at a time through
 * a bounded queue (issue 12): SQLite stepping a listing of 100,000 cases and the formatting of
 * its lines took turns on one core, and now run on two; so do the reading and the writing of a
 * 100,000-row summary. At most {@link #BLOCKS} blocks of {@link #BLOCK} rows wait, so a
 * whole-register listing is still not held. The reader holds the register while it reads: the
 * calling thread must not use it meanwhile, nor call this inside a transaction of its own.
 */
public final class RowPipe<T> {
    static final int BLOCK = 256;
    static final int BLOCKS = 8;

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BLOCKS);
    /** Handed last, compared by identity; the reader's failure, if any, is then in {@link #failure}. */
    private final List<T> end = new ArrayList<>(0);
    private volatile boolean abandoned;
    private volatile @Nullable Throwable failure;

    private RowPipe() {}

    /**
     * Runs {@code source} on a reader thread and hands each row it gives out to {@code each} on
     * this thread, in order. Returns once both are done. What the reader throws is thrown here,
     * the same exception, after the rows read before it; when {@code each} throws, the reader is
     * stopped at its next row and waited for before that is thrown on.
     */
    public static <T> void run(Consumer<Consumer<T>> source, Consumer<T> each) {
        RowPipe<T> pipe = new RowPipe<>();
        Thread reader = new Thread(() -> pipe.read(source), "row-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<T> block = pipe.take(); block != pipe.end; block = pipe.take()) {
                block.forEach(each);
            }
        } catch (RuntimeException | Error e) {
            pipe.abandoned = true;
            throw e;
        } finally {
            pipe.await(reader);
        }
        pipe.rethrow();
    }

    private void read(Consumer<Consumer<T>> source) {
        List<T> block = new ArrayList<>(BLOCK);
        try {
            source.accept(row -> {
                block.add(row);
                if (block.size() == BLOCK) {
                    hand(new ArrayList<>(block));
                    block.clear();
                }
            });
        } catch (Abandoned e) {
            return;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            if (!block.isEmpty()) {
                hand(block);
            }
            hand(end);
        } catch (Abandoned e) {
            // Nobody takes the rest any more.
        }
    }

    /** Waits for room; once the taker has gone, unwinds the reader's statement instead. */
    private void hand(List<T> block) {
        try {
            while (!queue.offer(block, 50, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
        if (abandoned) {
            throw new Abandoned();
        }
    }

    private List<T> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for rows", e);
        }
    }

    /** Joins the reader even when interrupted: it holds the register until its statement is closed. */
    private void await(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
                abandoned = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    /** Thrown through the reader's statement (its transaction rolls back) once nobody takes its rows. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("Rows no longer taken", null, false, false);
        }
    }
}
