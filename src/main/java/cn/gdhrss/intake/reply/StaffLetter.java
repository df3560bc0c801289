package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.attachment.MailAddresses;
import cn.gdhrss.intake.register.NewOutgoingMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A letter staff write to an applicant about a case ({@code reply REF --text FILE}), queued in the
 * outbox like the automatic replies and threaded under the applicant's last message (RFC 5322
 * §3.6.4: In-Reply-To the last message, References the thread). Its kind is {@value #KIND}.
 */
public final class StaffLetter {
    public static final String KIND = "staff_letter";
    static final int MAX_SUBJECT = 200;
    static final int MAX_REFERENCES = 10;

    private StaffLetter() {}

    /** {@code address} as a plain valid mailbox in lower case, empty when it is not one. */
    public static Optional<String> validAddress(String address) {
        return MailAddresses.validated(address.strip());
    }

    /**
     * @param thread Message-IDs of the case's messages and our mails about it, oldest first, without brackets
     * @param inReplyTo the message answered, "" when none
     */
    public static NewOutgoingMail compose(String reference, long caseId, String to, String subject, String text,
            String inReplyTo, List<String> thread, String messageIdDomain) {
        String line = HeaderSafe.text(subject, MAX_SUBJECT);
        String fullSubject = line.contains("[" + reference + "]") ? line : "[" + reference + "] " + line;
        List<String> references = new ArrayList<>();
        for (String id : thread) {
            HeaderSafe.messageId(id).filter(safe -> !references.contains(safe)).ifPresent(references::add);
        }
        String answered = HeaderSafe.messageId(inReplyTo).orElse("");
        String messageId = reference.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID() + "@" + messageIdDomain;
        return new NewOutgoingMail(null, reference, KIND, to, fullSubject, messageId, answered,
                references.subList(Math.max(0, references.size() - MAX_REFERENCES), references.size()),
                text.strip() + "\n", HtmlBody.of(text), List.of(caseId));
    }
}
