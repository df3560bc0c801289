package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import java.util.List;

/**
 * A message with its registered attachments and no forms: what is known of a submission when no
 * parse step has stored forms for it. The parse step's own loader takes its place in {@code App}.
 */
public final class AttachmentsOnlyLoader implements SubmissionLoader {
    private final MessageRepository messages;

    public AttachmentsOnlyLoader(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Submission load(MessageRecord message) {
        return new Submission(message, messages.listAttachments(message.id()), List.of(), List.of());
    }
}
