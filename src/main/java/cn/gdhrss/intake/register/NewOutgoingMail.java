package cn.gdhrss.intake.register;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A mail to queue in the outbox. Every header value here was checked by its composer: {@code to} is
 * a validated bare address, {@code subject} has no control characters, the ids have no brackets.
 *
 * @param caseIds every case the mail is about (a batch reply names several); empty for staff mail
 * @param attachments files sent with the mail, in order; empty for a reply
 */
public record NewOutgoingMail(
        @Nullable Long messageRef,
        String reference,
        String kind,
        String to,
        String subject,
        String messageId,
        String inReplyTo,
        List<String> references,
        String bodyText,
        String bodyHtml,
        List<Long> caseIds,
        List<OutgoingAttachment> attachments) {

    public NewOutgoingMail {
        references = List.copyOf(references);
        caseIds = List.copyOf(caseIds);
        attachments = List.copyOf(attachments);
    }

    /** A mail without attachments. */
    public NewOutgoingMail(@Nullable Long messageRef, String reference, String kind, String to, String subject,
            String messageId, String inReplyTo, List<String> references, String bodyText, String bodyHtml,
            List<Long> caseIds) {
        this(messageRef, reference, kind, to, subject, messageId, inReplyTo, references, bodyText, bodyHtml, caseIds,
                List.of());
    }
}
