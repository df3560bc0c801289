package cn.gdhrss.intake.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Random;

/** Proposal-like messages built in the test: Chinese subject, a Word-named attachment, CRLF lines. */
final class TestMessages {
    private static final Session SESSION = Session.getInstance(new Properties());

    private TestMessages() {}

    /** The bytes of a message as a mail server would hold them. */
    static byte[] proposal(String subject) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress("applicant@example.com", "申报人", "UTF-8"));
            message.setRecipients(MimeMessage.RecipientType.TO, "office@localhost");
            message.setSubject(subject, "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("您好，附件是新职业建议书，请查收。", "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new jakarta.activation.DataHandler(
                    new ByteArrayDataSource(attachmentBytes(subject), "application/octet-stream")));
            attachment.setFileName(MimeUtility.encodeText("新职业建议书.docx", "UTF-8", "B"));
            message.setContent(new MimeMultipart(text, attachment));
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message whose attachment is about {@code bytes} long once base64-encoded. */
    static byte[] large(String subject, int bytes) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress("applicant@example.com"));
            message.setSubject(subject, "UTF-8");
            MimeBodyPart video = new MimeBodyPart();
            byte[] content = new byte[bytes / 4 * 3];
            new Random(bytes).nextBytes(content);
            video.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(content, "video/mp4")));
            video.setFileName("video.mp4");
            message.setContent(new MimeMultipart(video));
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] attachmentBytes(String seed) {
        byte[] bytes = new byte[200 * 1024];
        new Random(seed.hashCode()).nextBytes(bytes);
        byte[] head = "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
