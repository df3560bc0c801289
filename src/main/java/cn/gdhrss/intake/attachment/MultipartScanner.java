package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the body parts of a top-level multipart in the message file itself, over large buffers:
 * Angus's {@code MimeMultipart} compares a boundary's length of bytes per stream call, half the
 * import time of a 1 GiB video (issue 12). It reproduces Angus's reading exactly (preamble lines
 * ended by LF, CRLF, CRCRLF or a lone CR; a part's header skipped to its first empty line; a
 * boundary at the body's start or after a line end, followed by {@code --} or by blanks and a
 * line end), and answers nothing where a message departs from the plain case (no start boundary,
 * no parts, no end boundary, runaway preamble or headers, a boundary outside US-ASCII): Angus then
 * reads it as before, so broken MIME keeps its answers.
 */
final class MultipartScanner {

    /** The part boundaries found: {@code [start, end)} of each part (headers and body) in the file. */
    record Scan(List<long[]> parts, int count) {}

    private static final int BLOCK_BYTES = 1 << 20;
    /** Preamble and the header of one part longer than this are left to Angus. */
    private static final long MAX_LINES_BYTES = 1 << 20;
    /** Blanks after a boundary beyond Angus's mark limit would make it fail on reset: left to Angus. */
    private static final int MAX_BLANKS = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long DASHES = 0x2d2d2d2d2d2d2d2dL;

    private final FileChannel channel;
    private final long fileEnd;
    private final byte[] block;
    private long blockStart;
    private int blockLength;

    private MultipartScanner(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileEnd = channel.size();
        // A small message gets a buffer of its own size: most mail is far below a megabyte.
        this.block = new byte[(int) Math.min(BLOCK_BYTES, fileEnd)];
    }

    /**
     * The parts of the multipart whose body starts at {@code bodyStart} and runs to the end of the
     * file, with this boundary parameter; empty when Angus should read it.
     *
     * @param keep offsets kept for at most this many parts (all are still counted)
     */
    static Optional<Scan> scan(FileChannel channel, long bodyStart, String boundaryParameter, int keep) throws IOException {
        String boundary = "--" + boundaryParameter;
        if (!boundary.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        return new MultipartScanner(channel).parts(bodyStart, boundary.getBytes(StandardCharsets.US_ASCII), keep);
    }

    private Optional<Scan> parts(long bodyStart, byte[] boundary, int keep) throws IOException {
        long position = afterStartBoundary(bodyStart, boundary);
        if (position < 0) {
            return Optional.empty();
        }
        List<long[]> parts = new ArrayList<>();
        int count = 0;
        while (true) {
            long start = position;
            long body = afterHeader(start);
            if (body < 0) {
                return Optional.empty();
            }
            long[] found = nextBoundary(body, boundary);
            if (found == null) {
                return Optional.empty();
            }
            if (count++ < keep) {
                parts.add(new long[] {start, found[0]});
            }
            if (found[1] < 0) {
                return Optional.of(new Scan(parts, count));
            }
            position = found[1];
        }
    }

    /** Where the first part starts: after the first line equal to the boundary (trailing blanks dropped); -1 if none. */
    private long afterStartBoundary(long from, byte[] boundary) throws IOException {
        long position = from;
        while (position - from <= MAX_LINES_BYTES) {
            long lineEnd = lineEnd(position);
            if (lineEnd < 0) {
                return -1;
            }
            long contentEnd = lineEnd;
            while (contentEnd > position && (at(contentEnd - 1) == ' ' || at(contentEnd - 1) == '\t')) {
                contentEnd--;
            }
            if (equalsAt(position, contentEnd, boundary)) {
                return afterLineEnd(lineEnd);
            }
            if (contentEnd - position == boundary.length + 2 && startsWith(position, boundary)
                    && at(contentEnd - 1) == '-' && at(contentEnd - 2) == '-') {
                return -1; // the end boundary before any part: no parts
            }
            position = afterLineEnd(lineEnd);
        }
        return -1;
    }

    /** Where a part's body starts: after its first empty line; -1 when its header never ends. */
    private long afterHeader(long start) throws IOException {
        long position = start;
        while (position - start <= MAX_LINES_BYTES) {
            long lineEnd = lineEnd(position);
            if (lineEnd < 0) {
                return -1;
            }
            long next = afterLineEnd(lineEnd);
            if (lineEnd == position) {
                return next;
            }
            position = next;
        }
        return -1;
    }

    /**
     * The first boundary of the body from {@code body}: {end of this part, start of the next part or
     * -1 after the end boundary}; null when the body runs to the end of the file.
     */
    private long @Nullable [] nextBoundary(long body, byte[] boundary) throws IOException {
        long candidate = nextDashes(body);
        while (candidate >= 0 && candidate + boundary.length <= fileEnd) {
            if (startsWith(candidate, boundary)) {
                int before = candidate == body ? -1 : at(candidate - 1);
                if (candidate == body || before == '\r' || before == '\n') {
                    long end = candidate - eolLength(body, candidate, before);
                    long next = afterBoundaryLine(candidate + boundary.length);
                    if (next == Long.MIN_VALUE) {
                        return null;
                    }
                    if (next != 0) {
                        return new long[] {end, next};
                    }
                }
            }
            candidate = nextDashes(candidate + 1);
        }
        return null;
    }

    private int eolLength(long body, long candidate, int before) throws IOException {
        if (candidate == body) {
            return 0;
        }
        return before == '\n' && candidate - 2 >= body && at(candidate - 2) == '\r' ? 2 : 1;
    }

    /**
     * After the boundary's bytes: -1 for {@code --} (end boundary), the next part's start for blanks
     * and a line end, 0 when it is no boundary, {@link Long#MIN_VALUE} when Angus should decide.
     */
    private long afterBoundaryLine(long position) throws IOException {
        int first = at(position);
        if (first == '-') {
            return at(position + 1) == '-' ? -1 : 0;
        }
        long p = position;
        while (at(p) == ' ' || at(p) == '\t') {
            if (++p - position > MAX_BLANKS) {
                return Long.MIN_VALUE;
            }
        }
        int c = at(p);
        if (c == '\n') {
            return p + 1;
        }
        if (c == '\r') {
            return at(p + 1) == '\n' ? p + 2 : p + 1;
        }
        return 0;
    }

    /** LineInputStream's line end from {@code position}: the offset of its terminator (or of EOF after text); -1 at EOF. */
    private long lineEnd(long position) throws IOException {
        long p = position;
        while (true) {
            int c = at(p);
            if (c < 0) {
                return p == position ? -1 : p;
            }
            if (c == '\n' || c == '\r') {
                return p;
            }
            p++;
        }
    }

    /** After the terminator at {@code lineEnd}: LF, CRLF and CRCRLF are one line end, a lone CR too. */
    private long afterLineEnd(long lineEnd) throws IOException {
        int c = at(lineEnd);
        if (c == '\n') {
            return lineEnd + 1;
        }
        if (c != '\r') {
            return lineEnd; // end of file
        }
        if (at(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        if (at(lineEnd + 1) == '\r' && at(lineEnd + 2) == '\n') {
            return lineEnd + 3;
        }
        return lineEnd + 1;
    }

    /** The next position from {@code from} of two dashes, the start of every boundary; -1 if none. */
    private long nextDashes(long from) throws IOException {
        long p = from;
        while (p + 1 < fileEnd) {
            if (p < blockStart || p + 1 >= blockStart + blockLength) {
                load(p);
            }
            int i = (int) (p - blockStart);
            // Eight bytes at a time: a byte equal to '-' makes (x - ONES) & ~x & HIGHS non-zero (issue 12).
            while (i + 8 <= blockLength) {
                long x = (long) LONGS.get(block, i) ^ DASHES;
                if (((x - ONES) & ~x & HIGHS) != 0) {
                    break;
                }
                i += 8;
            }
            for (int stop = Math.min(blockLength - 1, i + 8); i < stop; i++) {
                if (block[i] == '-' && block[i + 1] == '-') {
                    return blockStart + i;
                }
            }
            p = blockStart + i;
        }
        return -1;
    }

    private boolean startsWith(long position, byte[] bytes) throws IOException {
        for (int k = 0; k < bytes.length; k++) {
            if (at(position + k) != (bytes[k] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsAt(long start, long end, byte[] bytes) throws IOException {
        return end - start == bytes.length && startsWith(start, bytes);
    }

    /** The byte at {@code position}, or -1 past the end of the file. */
    private int at(long position) throws IOException {
        if (position >= fileEnd || position < 0) {
            return -1;
        }
        if (position < blockStart || position >= blockStart + blockLength) {
            load(Math.max(0, position - 64));
        }
        return block[(int) (position - blockStart)] & 0xff;
    }

    private void load(long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(block);
        long p = position;
        while (buffer.hasRemaining() && p < fileEnd) {
            int read = channel.read(buffer, p);
            if (read < 0) {
                break;
            }
            p += read;
        }
        blockStart = position;
        blockLength = buffer.position();
    }
}
