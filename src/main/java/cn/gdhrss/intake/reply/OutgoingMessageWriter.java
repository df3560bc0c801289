package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Builds the MIME message of an outbox row: UTF-8 text and HTML as multipart/alternative, an RFC
 * 2047 subject, our own Message-ID (kept across retries), In-Reply-To and References for threading,
 * and the RFC 3834 §5 marks that tell other robots not to answer.
 */
public final class OutgoingMessageWriter {
    private final String from;
    private final String fromName;
    private final Session session;

    public OutgoingMessageWriter(String from, String fromName) {
        this.from = from;
        this.fromName = HeaderSafe.text(fromName, 60);
        this.session = Session.getInstance(new Properties());
    }

    public MimeMessage write(OutboxRecord row, Date sentDate) {
        try {
            MimeMessage message = new FixedIdMessage(session, "<" + row.messageId() + ">");
            message.setFrom(new InternetAddress(from, fromName, StandardCharsets.UTF_8.name()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(row.to(), true));
            message.setSubject(HeaderSafe.text(row.subject(), 200), StandardCharsets.UTF_8.name());
            message.setSentDate(sentDate);
            threading(message, row);
            // RFC 3834 §5: replies from a robot say so; staff mail is auto-generated.
            message.setHeader("Auto-Submitted", row.messageRef() == null ? "auto-generated" : "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setContent(bodies(row));
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new ReplyException("Outbox row " + row.id() + " cannot be written as a message: " + e.getMessage(), e);
        }
    }

    private static void threading(MimeMessage message, OutboxRecord row) throws MessagingException {
        if (!row.inReplyTo().isEmpty()) {
            message.setHeader("In-Reply-To", "<" + row.inReplyTo() + ">");
        }
        List<String> references = row.references().stream().filter(id -> HeaderSafe.messageId(id).isPresent()).toList();
        if (!references.isEmpty()) {
            message.setHeader("References", references.stream().map(id -> "<" + id + ">").collect(Collectors.joining("\r\n ")));
        }
    }

    private static MimeMultipart bodies(OutboxRecord row) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(row.bodyText(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(row.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
        return new MimeMultipart("alternative", text, html);
    }

    /** Jakarta Mail replaces the Message-ID on every save; ours must stay the one the outbox row holds. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
