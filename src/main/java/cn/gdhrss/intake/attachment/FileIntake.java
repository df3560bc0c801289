package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.PasswordRequiredException;
import org.jspecify.annotations.Nullable;

/**
 * Turns one stream of bytes (a MIME part, an archive entry, a TNEF attachment) into recorded files:
 * stores it, detects its type and kind, decides its status, and opens it when it is a container.
 */
final class FileIntake {

    private static final Set<String> RAR_TYPES = Set.of("application/x-rar-compressed", "application/vnd.rar");

    private final AttachmentLimits limits;
    private final FileStore store;
    private final TypeDetector types;
    private final ProtectionDetector protection = new ProtectionDetector();
    private final ArchiveExtractor archives = new ArchiveExtractor();
    private final TnefExtractor tnef = new TnefExtractor();
    private final MediaReader media;

    FileIntake(AttachmentLimits limits, FileStore store, TypeDetector types, MediaReader media) {
        this.limits = limits;
        this.store = store;
        this.types = types;
        this.media = media;
    }

    /** A file found directly in the message: any archive in it starts a new budget. */
    void take(Walk walk, FileOrigin origin, InputStream in) throws IOException {
        new WalkSink(walk).take(origin, in, ArchiveBudget.topLevel(limits));
    }

    /** A file that is known but not stored, e.g. a part whose content cannot be decoded. */
    void record(Walk walk, FileOrigin origin, long size, Verdict verdict) {
        new WalkSink(walk).record(origin, size, verdict);
    }

    private final class WalkSink implements EntrySink {

        private final Walk walk;

        WalkSink(Walk walk) {
            this.walk = walk;
        }

        @Override
        public void take(FileOrigin origin, InputStream in, ArchiveBudget budget) throws IOException {
            StoredFile stored;
            try {
                stored = store.store(in, limits.maxAttachmentBytes());
            } catch (UnreadableInputException e) {
                if (!budget.isSpent()) {
                    record(origin, 0, unreadable(e));
                }
                return;
            } catch (IOException e) {
                throw new StoreFailure(e);
            }
            if (stored.overLimit()) {
                record(origin, stored.size(), overLimit());
                return;
            }
            takeStored(origin, stored, budget);
        }

        @Override
        public void record(FileOrigin origin, long size, Verdict verdict) {
            AttachmentKind kind = AttachmentKind.classify("application/octet-stream", origin.name());
            walk.add(new ExtractedFile(walk.nextSeq(), origin.parentSeq(), origin.origin(), origin.name(),
                    origin.declaredType(), "", Math.max(size, 0), null, kind, verdict.status(), verdict.reason(), null, null));
        }

        private void takeStored(FileOrigin origin, StoredFile stored, ArchiveBudget budget) throws IOException {
            int seq = walk.nextSeq();
            Path file = store.pathOf(stored.sha256());
            String detected = types.detect(file, origin.name());
            AttachmentKind kind = AttachmentKind.classify(detected, origin.name());
            Verdict verdict = stored.size() == 0
                    ? Verdict.of(AttachmentStatus.EMPTY, "附件是空文件（0 字节）")
                    : inspect(seq, origin, file, detected, kind, budget);
            @Nullable MediaInfo mediaInfo = kind == AttachmentKind.VIDEO && stored.size() > 0
                    ? media.read(file, types.extensionOf(detected))
                    : null;
            walk.add(new ExtractedFile(seq, origin.parentSeq(), origin.origin(), origin.name(), origin.declaredType(),
                    detected, stored.size(), stored.sha256(), kind, verdict.status(), verdict.reason(), null, mediaInfo));
        }

        private Verdict inspect(int seq, FileOrigin origin, Path file, String detected, AttachmentKind kind,
                ArchiveBudget budget) throws IOException {
            if (archives.canOpen(detected)) {
                return archives.extract(file, detected, seq, origin.origin(), budget.nested(), this);
            }
            if (RAR_TYPES.contains(detected)) {
                return Verdict.of(AttachmentStatus.UNSUPPORTED, ArchiveExtractor.RAR_REASON);
            }
            if (tnef.canOpen(detected, origin.name())) {
                return tnef.extract(file, seq, origin.origin(), budget, this);
            }
            if (kind == AttachmentKind.ARCHIVE) {
                return Verdict.of(AttachmentStatus.UNSUPPORTED,
                        "此类压缩文件（" + detected + "）不自动解开，已保存原文件，请工作人员手工解压");
            }
            return protection.inspect(file, detected, kind);
        }
    }

    private Verdict overLimit() {
        long megabytes = limits.maxAttachmentBytes() / (1024 * 1024);
        String limit = megabytes > 0 ? megabytes + " MB" : limits.maxAttachmentBytes() + " 字节";
        return Verdict.of(AttachmentStatus.OVER_LIMIT, String.format(Locale.ROOT, "附件超过 %s 的大小上限，未保存", limit));
    }

    private static Verdict unreadable(UnreadableInputException e) {
        if (e.getCause() instanceof PasswordRequiredException) {
            return Verdict.of(AttachmentStatus.ENCRYPTED, "压缩包内文件已加密，无法解开");
        }
        return Verdict.of(AttachmentStatus.CORRUPT, "附件内容已损坏或不完整，无法解码");
    }
}
