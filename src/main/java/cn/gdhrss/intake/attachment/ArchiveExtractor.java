package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Opens zip and 7z archives stored on disk and hands each entry to an {@link EntrySink}, under an
 * {@link ArchiveBudget}. Entry names are display names only: nothing is written under them, so
 * absolute and {@code ../} names are harmless.
 */
final class ArchiveExtractor {

    static final String RAR_REASON = "RAR 压缩包无法自动解开（没有开源许可的 RAR 解压库），已保存原文件，请工作人员手工解压";

    /** LZMA dictionaries of hostile 7z headers could ask for gigabytes. */
    private static final int SEVEN_Z_MEMORY_KIB = 64 * 1024;

    boolean canOpen(String detectedType) {
        return detectedType.equals("application/zip") || detectedType.equals("application/x-7z-compressed");
    }

    /** Extracts every entry; the verdict is the archive's own status. */
    Verdict extract(Path archive, String detectedType, int archiveSeq, String archiveOrigin,
            ArchiveBudget budget, EntrySink sink) throws IOException {
        if (budget.isTooDeep()) {
            return Verdict.of(AttachmentStatus.ZIP_BOMB, budget.tooDeepReason());
        }
        Verdict verdict = detectedType.equals("application/zip")
                ? extractZip(archive, archiveSeq, archiveOrigin, budget, sink)
                : extractSevenZ(archive, archiveSeq, archiveOrigin, budget, sink);
        return budget.bombReason().map(reason -> Verdict.of(AttachmentStatus.ZIP_BOMB, reason)).orElse(verdict);
    }

    private Verdict extractZip(Path archive, int archiveSeq, String archiveOrigin, ArchiveBudget budget,
            EntrySink sink) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).setCharset(StandardCharsets.UTF_8).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (!budget.admits(entries.stream().filter(entry -> !entry.isDirectory()).count())) {
                return Verdict.OK;
            }
            boolean anyEncrypted = false;
            for (ZipArchiveEntry entry : entries) {
                if (entry.isDirectory() || !budget.countEntry()) {
                    continue;
                }
                anyEncrypted |= takeZipEntry(zip, entry, new FileOriginBuilder(archiveSeq, archiveOrigin + "/zip:"), budget, sink);
            }
            return anyEncrypted
                    ? Verdict.of(AttachmentStatus.ENCRYPTED, "压缩包内有加密文件，无法解开，请申报人去掉密码后重新发送")
                    : Verdict.OK;
        } catch (StoreFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return Verdict.of(AttachmentStatus.CORRUPT, "压缩包已损坏，无法解开");
        }
    }

    /** @return true when the entry is encrypted */
    private boolean takeZipEntry(ZipFile zip, ZipArchiveEntry entry, FileOriginBuilder origins, ArchiveBudget budget,
            EntrySink sink) throws IOException {
        FileOrigin origin = origins.of(entryName(entry));
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            sink.record(origin, entry.getSize(), Verdict.of(AttachmentStatus.ENCRYPTED, "压缩包内文件已加密，无法解开"));
            return true;
        }
        if (!zip.canReadEntryData(entry)) {
            sink.record(origin, entry.getSize(), Verdict.of(AttachmentStatus.UNSUPPORTED, "压缩包内文件的压缩方式不受支持，无法解开"));
            return false;
        }
        try (InputStream in = budget.meter(zip.getInputStream(entry), entry.getCompressedSize())) {
            sink.take(origin, in, budget);
        }
        return false;
    }

    /** Names without the UTF-8 flag are in the writer's code page: GBK on Chinese Windows. */
    private static String entryName(ZipArchiveEntry entry) {
        boolean unicode = entry.getGeneralPurposeBit().usesUTF8ForNames()
                || entry.getExtraField(UnicodePathExtraField.UPATH_ID) != null;
        return unicode ? entry.getName() : MailCharsets.decodeUnlabelled(entry.getRawName());
    }

    private Verdict extractSevenZ(Path archive, int archiveSeq, String archiveOrigin, ArchiveBudget budget,
            EntrySink sink) throws IOException {
        long archiveBytes = Files.size(archive);
        FileOriginBuilder origins = new FileOriginBuilder(archiveSeq, archiveOrigin + "/7z:");
        try (SevenZFile sevenZ = SevenZFile.builder().setPath(archive).setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KIB).get()) {
            List<SevenZArchiveEntry> files = new ArrayList<>();
            sevenZ.getEntries().forEach(entry -> {
                if (!entry.isDirectory()) {
                    files.add(entry);
                }
            });
            if (!budget.admits(files.size())) {
                return Verdict.OK;
            }
            SevenZArchiveEntry entry;
            while ((entry = sevenZ.getNextEntry()) != null && !budget.isSpent()) {
                if (entry.isDirectory() || !budget.countEntry()) {
                    continue;
                }
                try (InputStream in = budget.meter(new SevenZEntryStream(sevenZ), archiveBytes)) {
                    sink.take(origins.of(entry.getName()), in, budget);
                }
            }
            return Verdict.OK;
        } catch (PasswordRequiredException e) {
            return Verdict.of(AttachmentStatus.ENCRYPTED, "7z 压缩包设有密码，无法解开，请申报人去掉密码后重新发送");
        } catch (StoreFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return Verdict.of(AttachmentStatus.CORRUPT, "7z 压缩包已损坏，无法解开");
        }
    }

    /** Builds entry origins under one archive. */
    private record FileOriginBuilder(int archiveSeq, String prefix) {

        FileOrigin of(String entryPath) {
            String path = entryPath.length() > 1000 ? entryPath.substring(0, 1000) : entryPath;
            return new FileOrigin(archiveSeq, prefix + path, FileNames.forDisplay(path), "");
        }
    }

    /** The current entry of a 7z file, read sequentially (solid archives decode in order). */
    private static final class SevenZEntryStream extends InputStream {

        private final SevenZFile sevenZ;

        SevenZEntryStream(SevenZFile sevenZ) {
            this.sevenZ = sevenZ;
        }

        @Override
        public int read() throws IOException {
            return sevenZ.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return sevenZ.read(buffer, offset, length);
        }

        @Override
        public void close() {
            // The archive is closed by its owner; an entry stream has nothing of its own.
        }
    }
}
