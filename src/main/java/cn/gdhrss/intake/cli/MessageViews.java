package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.EventRecord;
import cn.gdhrss.intake.register.MessageRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of {@code list --json} and {@code show --json}: snake_case, stable keys. */
final class MessageViews {
    private MessageViews() {}

    static Map<String, Object> summary(MessageRecord message, List<AttachmentRecord> attachments) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.id());
        view.put("message_id", message.messageId());
        view.put("from", message.fromAddress());
        view.put("subject", message.subject());
        view.put("received_at", message.receivedAt().toString());
        view.put("status", message.status());
        view.put("status_reason", message.statusReason());
        view.put("attachments", attachments.stream().map(MessageViews::attachment).toList());
        return view;
    }

    static Map<String, Object> detail(MessageRecord message, List<AttachmentRecord> attachments, List<EventRecord> events) {
        Map<String, Object> view = summary(message, attachments);
        view.put("sha256", message.sha256());
        view.put("mailbox", message.mailbox());
        view.put("uid", message.uid());
        view.put("reply_to", message.replyTo());
        view.put("to", message.toAddress());
        view.put("date", message.dateHeader() == null ? null : message.dateHeader().toString());
        view.put("size", message.size());
        view.put("registered_at", message.registeredAt().toString());
        view.put("raw_path", message.rawPath());
        view.put("attempts", message.attempts());
        view.put("last_error", message.lastError());
        view.put("message_id_conflict", message.messageIdConflict());
        view.put("body_text", message.bodyText());
        view.put("events", events.stream().map(MessageViews::event).toList());
        return view;
    }

    static Map<String, Object> attachment(AttachmentRecord attachment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", attachment.seq());
        view.put("parent_seq", attachment.parentSeq());
        view.put("origin", attachment.origin());
        view.put("name", attachment.name());
        view.put("kind", attachment.kind());
        view.put("declared_type", attachment.declaredType());
        view.put("detected_type", attachment.detectedType());
        view.put("size", attachment.size());
        view.put("sha256", attachment.sha256());
        view.put("status", attachment.status());
        view.put("status_reason", attachment.statusReason());
        if (attachment.url() != null) {
            view.put("url", attachment.url());
        }
        if (attachment.durationSeconds() != null || attachment.width() != null) {
            view.put("duration_seconds", attachment.durationSeconds());
            view.put("width", attachment.width());
            view.put("height", attachment.height());
            view.put("container", attachment.container());
        }
        return view;
    }

    private static Map<String, Object> event(EventRecord event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", event.at().toString());
        view.put("kind", event.kind());
        view.put("detail", event.detail());
        return view;
    }
}
