package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Decides whether a stored Office file is encrypted, carries macros or cannot be opened, from its
 * container structure only: nothing is parsed or executed.
 */
final class ProtectionDetector {

    static final String ENCRYPTED_REASON = "文件设有打开密码，无法读取内容，请申报人取消密码后重新发送";
    static final String MACRO_REASON = "文件含有宏代码，已保存但未打开，请工作人员确认来源后再处理";
    static final String CORRUPT_REASON = "文件已损坏，无法作为 Office 文件打开";

    private static final byte[] OLE_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int WORD_FIB_FLAGS_OFFSET = 0x0A;
    private static final int WORD_FLAG_ENCRYPTED = 0x0100;
    private static final int BIFF_FILEPASS = 0x002F;
    private static final int BIFF_EOF = 0x000A;
    private static final int MAX_BIFF_RECORDS = 200;

    Verdict inspect(Path file, String detectedType, AttachmentKind kind) {
        if (detectedType.equals("application/x-tika-ooxml-protected")) {
            return inspectOle(file);
        }
        byte[] head = head(file);
        if (startsWith(head, OLE_MAGIC)) {
            return inspectOle(file);
        }
        if (startsWith(head, ZIP_MAGIC) && isOoxml(detectedType)) {
            return inspectOoxml(file, detectedType);
        }
        boolean claimsOffice = kind == AttachmentKind.PROPOSAL_FORM || kind == AttachmentKind.SUMMARY_TABLE;
        if (claimsOffice && detectedType.equals("application/octet-stream")) {
            return Verdict.of(AttachmentStatus.CORRUPT, "文件内容不是可识别的 Office 文件，可能已损坏或扩展名有误");
        }
        return Verdict.OK;
    }

    private static boolean isOoxml(String type) {
        return type.contains("openxmlformats") || type.contains("macroenabled") || type.equals("application/x-tika-ooxml");
    }

    private static Verdict inspectOle(Path file) {
        try (POIFSFileSystem filesystem = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = filesystem.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                return opensWithDefaultPassword(filesystem) ? Verdict.OK : encrypted();
            }
            if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("VBA")) {
                return Verdict.of(AttachmentStatus.MACRO, MACRO_REASON);
            }
            if (root.hasEntry("EncryptedSummary") || isEncryptedWord(root) || isEncryptedWorkbook(root)) {
                return encrypted();
            }
            return Verdict.OK;
        } catch (IOException | RuntimeException e) {
            return Verdict.of(AttachmentStatus.CORRUPT, CORRUPT_REASON);
        }
    }

    /** Excel's built-in password "VelvetSweatshop" opens without a prompt: such a file is readable. */
    private static boolean opensWithDefaultPassword(POIFSFileSystem filesystem) {
        try {
            EncryptionInfo info = new EncryptionInfo(filesystem);
            return Decryptor.getInstance(info).verifyPassword(Decryptor.DEFAULT_PASSWORD);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** [MS-DOC] 2.5.2 FibBase: fEncrypted is bit 8 of the flags word at offset 0x0A. */
    private static boolean isEncryptedWord(DirectoryNode root) throws IOException {
        if (!root.hasEntry("WordDocument")) {
            return false;
        }
        try (InputStream in = root.createDocumentInputStream("WordDocument")) {
            byte[] fib = in.readNBytes(WORD_FIB_FLAGS_OFFSET + 2);
            if (fib.length < WORD_FIB_FLAGS_OFFSET + 2) {
                return false;
            }
            int flags = (fib[WORD_FIB_FLAGS_OFFSET] & 0xFF) | (fib[WORD_FIB_FLAGS_OFFSET + 1] & 0xFF) << 8;
            return (flags & WORD_FLAG_ENCRYPTED) != 0;
        }
    }

    /** [MS-XLS] 2.4.117: a FILEPASS record in the workbook globals means the stream is encrypted. */
    private static boolean isEncryptedWorkbook(DirectoryNode root) throws IOException {
        String stream = root.hasEntry("Workbook") ? "Workbook" : root.hasEntry("Book") ? "Book" : "";
        if (stream.isEmpty()) {
            return false;
        }
        try (InputStream in = root.createDocumentInputStream(stream)) {
            for (int record = 0; record < MAX_BIFF_RECORDS; record++) {
                byte[] header = in.readNBytes(4);
                if (header.length < 4) {
                    return false;
                }
                int type = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
                int length = (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
                if (type == BIFF_FILEPASS) {
                    return true;
                }
                if (type == BIFF_EOF || in.skip(length) < length) {
                    return false;
                }
            }
            return false;
        }
    }

    private static Verdict inspectOoxml(Path file, String detectedType) {
        if (detectedType.contains("macroenabled")) {
            return Verdict.of(AttachmentStatus.MACRO, MACRO_REASON);
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith("vbaproject.bin") || name.startsWith("xl/macrosheets/")) {
                    return Verdict.of(AttachmentStatus.MACRO, MACRO_REASON);
                }
            }
            return Verdict.OK;
        } catch (IOException | RuntimeException e) {
            return Verdict.of(AttachmentStatus.CORRUPT, CORRUPT_REASON);
        }
    }

    private static Verdict encrypted() {
        return Verdict.of(AttachmentStatus.ENCRYPTED, ENCRYPTED_REASON);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(OLE_MAGIC.length);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
