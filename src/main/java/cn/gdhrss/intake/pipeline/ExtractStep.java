package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.intake.RawArchive;
import cn.gdhrss.intake.attachment.AttachmentKind;
import cn.gdhrss.intake.attachment.AttachmentStatus;
import cn.gdhrss.intake.attachment.ExtractedFile;
import cn.gdhrss.intake.attachment.Extraction;
import cn.gdhrss.intake.attachment.MessageExtractor;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.MessageStatus;
import java.util.List;
import java.util.Locale;

/**
 * {@code received -> extracted}: takes the archived message apart into its attachments (stored by
 * content), records each with its type, kind and status, and keeps the body text. A message larger
 * than the configured limit is archived whole but not taken apart: it is recorded as one over-limit
 * item, and the parse step asks the sender to send smaller files.
 */
public final class ExtractStep implements ProcessingStep {
    private final MessageRepository messages;
    private final MessageExtractor extractor;
    private final RawArchive archive;
    private final long maxMessageBytes;

    public ExtractStep(MessageRepository messages, MessageExtractor extractor, RawArchive archive, long maxMessageBytes) {
        this.messages = messages;
        this.extractor = extractor;
        this.archive = archive;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public MessageStatus fromStatus() {
        return MessageStatus.RECEIVED;
    }

    @Override
    public void apply(MessageRecord message) throws Exception {
        prepare(message).run().write();
    }

    @Override
    public Work prepare(MessageRecord message) {
        if (message.size() > maxMessageBytes) {
            String reason = String.format(Locale.ROOT, "邮件大小 %d MB，超过上限 %d MB：原始邮件已完整保存，未拆分附件",
                    message.size() >> 20, maxMessageBytes >> 20);
            return () -> () -> messages.saveExtraction(message.id(), List.of(wholeMessage(message, reason)), "",
                    MessageStatus.RECEIVED.code(), MessageStatus.EXTRACTED.code(), reason);
        }
        return () -> {
            Extraction extraction = extractor.extract(archive.resolve(message.rawPath()));
            List<AttachmentRecord> attachments = extraction.files().stream().map(ExtractStep::recordOf).toList();
            return () -> messages.saveExtraction(message.id(), attachments, extraction.bodyText(), MessageStatus.RECEIVED.code(),
                    MessageStatus.EXTRACTED.code(), describe(extraction));
        };
    }

    /** A message over the limit is recorded as one over-limit item, so the sender is told like for any too-large file. */
    private static AttachmentRecord wholeMessage(MessageRecord message, String reason) {
        return new AttachmentRecord(1, null, "message", "整封邮件", "message/rfc822", "", message.size(), null,
                AttachmentKind.OTHER.code(), AttachmentStatus.OVER_LIMIT.code(), reason, null, null, null, null, null);
    }

    private static AttachmentRecord recordOf(ExtractedFile file) {
        return new AttachmentRecord(file.seq(), file.parentSeq(), file.origin(), file.name(), file.declaredType(),
                file.detectedType(), file.size(), file.sha256(), file.kind().code(), file.status().code(), file.statusReason(),
                file.url(),
                file.media() == null ? null : file.media().durationSeconds(),
                file.media() == null ? null : file.media().width(),
                file.media() == null ? null : file.media().height(),
                file.media() == null ? null : file.media().container());
    }

    private static String describe(Extraction extraction) {
        String files = "提取附件 " + extraction.files().size() + " 个";
        return extraction.problems().isEmpty() ? files : files + "；邮件结构问题：" + String.join("；", extraction.problems());
    }
}
