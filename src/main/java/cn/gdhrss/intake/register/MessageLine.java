package cn.gdhrss.intake.register;

import org.jspecify.annotations.Nullable;

/**
 * The columns of a message that one line of {@code list} shows (table and CSV): no body text, no
 * attachment rows, only their count (issue 12: 100,000 mails listed). Fields mean what they mean in
 * {@link MessageRecord} and {@link MailClassRecord}; the class is "" until the answer step ran.
 *
 * @param receivedSecond when the message arrived, in seconds since 1970
 */
public record MessageLine(long id, long receivedSecond, String fromAddress, String subject, int attachments, String status,
        @Nullable String messageId, String mailClass, String mailClassReasons) {}
