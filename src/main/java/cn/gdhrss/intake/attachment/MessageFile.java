package cn.gdhrss.intake.attachment;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The archived message file under its top-level MIME message: where the body starts, so that a
 * top-level multipart is split by {@link MultipartScanner} instead of Angus's byte-wise scan, into
 * the same body parts Angus would make (issue 12).
 */
final class MessageFile {
    /** Angus's switches that change how it splits a multipart; with any of them set, Angus splits. */
    private static final List<String> ANGUS_SWITCHES = List.of("mail.mime.multipart.ignoreexistingboundaryparameter",
            "mail.mime.allowutf8", "mail.mime.contenttypehandler");

    private final FileChannel channel;
    private final SharedFileInputStream root;
    private final MimeMessage message;
    private final long bodyStart;

    /** @param root the stream {@code message} was read from, now positioned at the start of its body */
    MessageFile(FileChannel channel, SharedFileInputStream root, MimeMessage message) {
        this.channel = channel;
        this.root = root;
        this.message = message;
        this.bodyStart = root.getPosition();
    }

    boolean isTopLevel(Object part) {
        return part == message;
    }

    /**
     * The top-level multipart's parts as Angus would split them; empty when Angus must split it
     * (anything but a plain multipart with a boundary, a start and an end boundary).
     *
     * @param keep parts made at most (the walk stops at its part limit anyway)
     */
    Optional<List<MimeBodyPart>> topLevelParts(int keep) throws IOException, MessagingException {
        Optional<String> boundary = boundary();
        if (boundary.isEmpty()) {
            return Optional.empty();
        }
        Optional<MultipartScanner.Scan> scan = MultipartScanner.scan(channel, bodyStart, boundary.get(), keep);
        if (scan.isEmpty()) {
            return Optional.empty();
        }
        List<MimeBodyPart> parts = new ArrayList<>();
        for (long[] range : scan.get().parts()) {
            parts.add(part(range[0], range[1]));
        }
        return Optional.of(parts);
    }

    /** The boundary Angus would split on, when its reading of the message is the plain one. */
    private Optional<String> boundary() throws MessagingException {
        if (ANGUS_SWITCHES.stream().anyMatch(name -> System.getProperty(name) != null && !System.getProperty(name).equals("false"))
                || "false".equals(System.getProperty("mail.mime.ignoremultipartencoding"))) {
            return Optional.empty();
        }
        String encoding = message.getEncoding();
        if (encoding != null && !List.of("7bit", "8bit", "binary", "base64", "quoted-printable")
                .contains(encoding.toLowerCase(Locale.ROOT))) {
            return Optional.empty(); // Angus's own reading of an odd transfer encoding on a multipart: left to it
        }
        try {
            ContentType type = new ContentType(message.getContentType());
            return type.match("multipart/*") ? Optional.ofNullable(type.getParameter("boundary")) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** Made as Angus makes it (a part read from a shared stream over the range, which is then closed). */
    private MimeBodyPart part(long start, long end) throws IOException, MessagingException {
        try (InputStream range = root.newStream(start, end)) {
            return new ScannedBodyPart(range, start, end);
        }
    }

    /**
     * A body part that knows where its content lies in the message file, so a large base64
     * attachment is read in large blocks rather than through Angus's 2 KiB buffer.
     */
    final class ScannedBodyPart extends MimeBodyPart {
        private final long contentStart;
        private final long end;

        private ScannedBodyPart(InputStream range, long start, long end) throws MessagingException {
            super(range);
            this.contentStart = start + ((SharedFileInputStream) range).getPosition();
            this.end = end;
        }

        /** The same bytes as {@link #getRawInputStream()}. */
        InputStream rawContent() {
            return new FileRegionStream(channel, contentStart, end);
        }
    }
}
