package cn.gdhrss.intake.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/**
 * Takes the attachments out of a TNEF stream (winmail.dat, application/ms-tnef), which Outlook
 * sends instead of plain MIME attachments when it writes rich text.
 */
final class TnefExtractor {

    /** POI reads a TNEF stream and its attachments into memory; bigger ones are left whole. */
    static final long MAX_TNEF_BYTES = 64L * 1024 * 1024;

    boolean canOpen(String detectedType, String name) {
        return detectedType.equals("application/vnd.ms-tnef") || name.equalsIgnoreCase("winmail.dat");
    }

    Verdict extract(Path file, int tnefSeq, String tnefOrigin, ArchiveBudget budget, EntrySink sink) throws IOException {
        if (Files.size(file) > MAX_TNEF_BYTES) {
            return Verdict.of(AttachmentStatus.UNSUPPORTED, "winmail.dat 超过 64 MB，未拆开其中的附件，已保存原文件");
        }
        HMEFMessage message;
        try (InputStream in = Files.newInputStream(file)) {
            message = new HMEFMessage(in);
        } catch (IOException | RuntimeException e) {
            return Verdict.of(AttachmentStatus.CORRUPT, "winmail.dat（Outlook 格式）已损坏，无法取出其中的附件");
        }
        int index = 0;
        for (Attachment attachment : message.getAttachments()) {
            index++;
            take(attachment, index, tnefSeq, tnefOrigin, budget, sink);
        }
        return Verdict.OK;
    }

    private static void take(Attachment attachment, int index, int tnefSeq, String tnefOrigin, ArchiveBudget budget,
            EntrySink sink) throws IOException {
        String name = FileNames.forDisplay(nameOf(attachment, index));
        FileOrigin origin = new FileOrigin(tnefSeq, tnefOrigin + "/tnef:" + name, name, "");
        byte[] contents;
        try {
            contents = attachment.getContents();
        } catch (RuntimeException e) {
            sink.record(origin, 0, Verdict.of(AttachmentStatus.CORRUPT, "winmail.dat 中的附件已损坏，无法取出"));
            return;
        }
        try (InputStream in = new ByteArrayInputStream(contents == null ? new byte[0] : contents)) {
            sink.take(origin, in, budget);
        }
    }

    private static String nameOf(Attachment attachment, int index) {
        String name = safely(attachment::getLongFilename);
        if (name.isBlank()) {
            name = safely(attachment::getFilename);
        }
        return name.isBlank() ? "winmail附件" + index : name;
    }

    private static String safely(java.util.function.Supplier<String> getter) {
        try {
            String value = getter.get();
            return value == null ? "" : value;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
