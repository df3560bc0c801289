package cn.gdhrss.intake.attachment;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new file front to back and forces it to disk. Its first {@link #CACHED_BYTES} go through
 * the page cache as any file's; the rest of a large file goes straight to the disk (O_DIRECT).
 * Issue 12: putting a large file's pages into the page cache cost the kernel about 3 s of system CPU
 * per GB on the bench machine (dd of 1.4 GB with fsync: 4.4 s buffered, 0.8 s direct), and the
 * bytes had to reach the disk before the register could name the file anyway. A stored attachment
 * is not read back during its intake; an archived message is, once, from the disk, which still
 * came out ahead (the bench's 1.4 GB message: 13.9 s with both in the cache, 10.5 s with the
 * attachment direct, 9.1-10.2 s with both).
 *
 * <p>Where the file system refuses direct writes, the rest is written through the cache as before.
 * Durability is the same either way: {@link #finish()} forces data and metadata ({@code fsync}).
 */
public final class SyncedFileWriter extends OutputStream {
    /** What every file writes through the cache; only files larger than this gain from going direct. */
    static final long CACHED_BYTES = 16L << 20;
    /** One direct write; large, as each waits for the disk. A multiple of any block size. */
    private static final int DIRECT_BYTES = 4 << 20;
    private static final int MIN_ALIGNMENT = 4096;
    private static final ThreadLocal<@Nullable ByteBuffer> DIRECT_BUFFER = new ThreadLocal<>();

    private final long cachedBytes;
    private final int directBytes;
    private final Path file;
    private final FileChannel channel;
    private final EarlyWriteback writeback;
    private @Nullable FileChannel direct;
    private @Nullable ByteBuffer pending;
    private boolean directRefused;
    /** The file system's block size, at least 4 KiB: what direct writes' positions, lengths and buffer align to. */
    private int alignment;
    /** Bytes taken so far. */
    private long size;
    /** Where in the file the bytes held in {@link #pending} begin. */
    private long bufferStart;

    /** Opens the existing, empty {@code file} for writing. */
    public SyncedFileWriter(Path file) throws IOException {
        this(file, CACHED_BYTES, DIRECT_BYTES);
    }

    /** With other sizes, for tests: both multiples of the file system's block size to go direct at all. */
    SyncedFileWriter(Path file, long cachedBytes, int directBytes) throws IOException {
        this.cachedBytes = cachedBytes;
        this.directBytes = directBytes;
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        this.writeback = new EarlyWriteback(channel);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int part;
            if (size < cachedBytes || !goesDirect()) {
                part = size < cachedBytes ? (int) Math.min(length - done, cachedBytes - size) : length - done;
                writeFully(channel, ByteBuffer.wrap(bytes, offset + done, part), size);
                writeback.wrote(part);
            } else {
                ByteBuffer buffer = pending();
                part = Math.min(length - done, buffer.remaining());
                buffer.put(bytes, offset + done, part);
                if (!buffer.hasRemaining()) {
                    flushDirect(buffer.position());
                }
            }
            size += part;
            done += part;
        }
    }

    /** Writes what is still held and forces data and metadata to disk; the file is then whole. */
    public void finish() throws IOException {
        writeback.finish();
        ByteBuffer buffer = pending;
        if (buffer != null && buffer.position() > 0) {
            int padded = (buffer.position() + alignment - 1) / alignment * alignment;
            while (buffer.position() < padded) {
                buffer.put((byte) 0);
            }
            flushDirect(padded);
            // Direct writes come in whole blocks: the padding of the last one is cut off again.
            channel.truncate(size);
        }
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        writeback.finish();
        try (FileChannel cached = channel; FileChannel uncached = direct) {
            // Both closed, the direct one first.
        } finally {
            if (pending != null) {
                DIRECT_BUFFER.set(pending);
                pending = null;
            }
        }
    }

    /** Whether some of the file went to the disk directly (tests). */
    boolean wentDirect() {
        return direct != null;
    }

    @SuppressForbidden(reason = "O_DIRECT is offered by OpenJDK only (jdk.unsupported); without it the file stays in the cache")
    private boolean goesDirect() {
        if (direct != null) {
            return true;
        }
        if (directRefused) {
            return false;
        }
        try {
            alignment = (int) Math.min(Math.max(Files.getFileStore(file).getBlockSize(), MIN_ALIGNMENT), directBytes + 1L);
            if (directBytes % alignment != 0 || cachedBytes % alignment != 0) {
                directRefused = true;
                return false;
            }
            direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            bufferStart = size;
            return true;
        } catch (IOException | UnsupportedOperationException | LinkageError e) {
            // Some file systems refuse O_DIRECT, and a JVM other than OpenJDK may not know it: the cache it is.
            directRefused = true;
            return false;
        }
    }

    private ByteBuffer pending() {
        if (pending == null) {
            ByteBuffer spare = DIRECT_BUFFER.get();
            DIRECT_BUFFER.set(null);
            pending = spare != null && spare.capacity() >= directBytes && spare.alignmentOffset(0, alignment) == 0 ? spare
                    : ByteBuffer.allocateDirect(directBytes + alignment).alignedSlice(alignment);
            pending.clear().limit(directBytes);
        }
        return pending;
    }

    /** Writes the first {@code length} bytes held, which belong at {@link #bufferStart}, and empties the buffer. */
    private void flushDirect(int length) throws IOException {
        ByteBuffer buffer = pending();
        buffer.flip().limit(length);
        try {
            writeFully(direct, buffer, bufferStart);
        } catch (IOException refused) {
            // A file system that opened O_DIRECT but will not write it, or a failing disk: the same bytes
            // through the cache, where a real fault of the disk shows again and is thrown.
            writeFully(channel, buffer.position(0), bufferStart);
        }
        bufferStart += length;
        buffer.clear().limit(directBytes);
    }

    private static void writeFully(FileChannel target, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += target.write(buffer, at);
        }
    }
}
