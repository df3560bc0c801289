package cn.gdhrss.intake.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * What one top-level archive may expand to, shared with the archives nested inside it: entry
 * count, expanded bytes, nesting depth and compression ratio. Once a limit is crossed the budget
 * is spent and every archive of the tree stops.
 */
final class ArchiveBudget {

    /** Below this an entry's ratio is not judged: small text files compress very well. */
    private static final long RATIO_FLOOR_BYTES = 1024L * 1024;

    private final AttachmentLimits limits;
    private final int depth;
    private final Shared shared;

    private static final class Shared {
        int entries;
        long expandedBytes;
        String bombReason = "";
    }

    private ArchiveBudget(AttachmentLimits limits, int depth, Shared shared) {
        this.limits = limits;
        this.depth = depth;
        this.shared = shared;
    }

    /** The budget of an archive found directly in a message (not inside another archive). */
    static ArchiveBudget topLevel(AttachmentLimits limits) {
        return new ArchiveBudget(limits, 0, new Shared());
    }

    /** The budget for opening an archive found under this one. */
    ArchiveBudget nested() {
        return new ArchiveBudget(limits, depth + 1, shared);
    }

    boolean isTooDeep() {
        return depth > limits.maxZipDepth();
    }

    String tooDeepReason() {
        return String.format(Locale.ROOT, "压缩包嵌套超过 %d 层，疑似压缩炸弹，内层未解开", limits.maxZipDepth());
    }

    /** Counts one entry; false (and spent) once the tree has more entries than allowed. */
    boolean countEntry() {
        shared.entries++;
        if (shared.entries > limits.maxZipEntries()) {
            spend(String.format(Locale.ROOT, "压缩包内文件超过 %d 个，疑似压缩炸弹，未全部解开", limits.maxZipEntries()));
        }
        return !isSpent();
    }

    /** Whether an archive declaring {@code entries} entries may be opened at all. */
    boolean admits(long entries) {
        if (shared.entries + entries > limits.maxZipEntries()) {
            spend(String.format(Locale.ROOT, "压缩包内文件超过 %d 个，疑似压缩炸弹，未解开", limits.maxZipEntries()));
        }
        return !isSpent();
    }

    boolean isSpent() {
        return !shared.bombReason.isEmpty();
    }

    Optional<String> bombReason() {
        return isSpent() ? Optional.of(shared.bombReason) : Optional.empty();
    }

    /**
     * The entry's bytes, counted against the budget; reading fails once a limit is crossed.
     *
     * @param compressedBytes the entry's compressed size, or -1 when unknown (solid 7z)
     */
    InputStream meter(InputStream entry, long compressedBytes) {
        return new MeteredStream(entry, compressedBytes);
    }

    private void spend(String reason) {
        if (shared.bombReason.isEmpty()) {
            shared.bombReason = reason;
        }
    }

    private final class MeteredStream extends FilterInputStream {

        private final long compressedBytes;
        private long expanded;

        MeteredStream(InputStream in, long compressedBytes) {
            super(in);
            this.compressedBytes = compressedBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (isSpent()) {
                throw new IOException("Archive budget spent: " + shared.bombReason);
            }
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int read) throws IOException {
            expanded += read;
            shared.expandedBytes += read;
            if (shared.expandedBytes > limits.maxZipExpandedBytes()) {
                spend(String.format(Locale.ROOT, "压缩包解开后超过 %d MB，疑似压缩炸弹，未全部解开",
                        limits.maxZipExpandedBytes() / (1024 * 1024)));
            } else if (compressedBytes >= 0 && expanded > RATIO_FLOOR_BYTES
                    && expanded / Math.max(compressedBytes, 1) > limits.maxZipRatio()) {
                spend(String.format(Locale.ROOT, "压缩包内文件压缩比超过 %d 倍，疑似压缩炸弹，未全部解开", limits.maxZipRatio()));
            }
            if (isSpent()) {
                throw new IOException("Archive budget spent: " + shared.bombReason);
            }
        }
    }
}
