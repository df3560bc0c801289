package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.OutgoingAttachment;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Builds the MIME message of an outbox row: UTF-8 text and HTML as multipart/alternative, an RFC
 * 2047 subject, our own Message-ID (kept across retries), In-Reply-To and References for threading,
 * the RFC 3834 §5 marks that tell other robots not to answer, and files (staff mail) as
 * multipart/mixed.
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
        return write(row, List.of(), sentDate);
    }

    /**
     * The message of {@code row} with {@code attachments}: with none, the bodies alone; with some,
     * multipart/mixed of the bodies and then each file, read from disk when the message is written.
     */
    public MimeMessage write(OutboxRecord row, List<OutgoingAttachment> attachments, Date sentDate) {
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
            message.setContent(attachments.isEmpty() ? bodies(row) : withAttachments(row, attachments));
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

    private static MimeMultipart withAttachments(OutboxRecord row, List<OutgoingAttachment> attachments)
            throws MessagingException, UnsupportedEncodingException {
        MimeBodyPart bodies = new MimeBodyPart();
        bodies.setContent(bodies(row));
        MimeMultipart mixed = new MimeMultipart("mixed", bodies);
        for (OutgoingAttachment attachment : attachments) {
            mixed.addBodyPart(filePart(row, attachment));
        }
        return mixed;
    }

    /**
     * One file as base64, named in UTF-8 both ways: RFC 2231 {@code filename*} in
     * Content-Disposition (the standard), and an RFC 2047 {@code name} in Content-Type, which older
     * clients read instead.
     */
    private static MimeBodyPart filePart(OutboxRecord row, OutgoingAttachment attachment)
            throws MessagingException, UnsupportedEncodingException {
        Path file = Path.of(attachment.filePath());
        if (!Files.isRegularFile(file)) {
            throw new ReplyException("Outbox row " + row.id() + ": attachment '" + file + "' is missing");
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileSource(file, attachment.contentType())));
        String utf8 = StandardCharsets.UTF_8.name();
        // Built by hand: ContentType would split the encoded words into RFC 2231 continuations.
        String baseType = new ContentType(attachment.contentType()).getBaseType();
        part.setHeader("Content-Type", MimeUtility.fold("Content-Type: ".length(),
                baseType + "; name=\"" + MimeUtility.encodeText(attachment.fileName(), utf8, "B") + "\""));
        ParameterList parameters = new ParameterList();
        parameters.set("filename", attachment.fileName(), utf8);
        part.setHeader("Content-Disposition", new ContentDisposition(Part.ATTACHMENT, parameters).toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** A file on disk with the content type the outbox row names. */
    private static final class FileSource implements DataSource {
        private final Path file;
        private final String contentType;

        FileSource(Path file, String contentType) {
            this.file = file;
            this.contentType = contentType;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("Attachment '" + file + "' is read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return file.getFileName().toString();
        }
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
