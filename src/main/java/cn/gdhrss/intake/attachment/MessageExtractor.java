package cn.gdhrss.intake.attachment;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One raw archived message in, its attachments out: stored in the {@link FileStore}, typed from
 * their bytes, classified, with a status each. The message file is read through
 * {@link SharedFileInputStream}, so parts are streamed from disk and a message with a 1 GiB video
 * never sits in memory. Thread-safe; build one and share it (Tika's configuration is slow to load).
 */
public final class MessageExtractor {

    /** Longest body text kept for link search and replies. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MessageExtractor.class);

    /**
     * Jakarta Mail reads these leniency switches from system properties, not from the session.
     * Set only where the operator has not chosen otherwise: real mail has broken base64, missing
     * end boundaries and unknown transfer encodings, and a part is better read than lost.
     */
    private static final Map<String, String> LENIENT_SYSTEM_PROPERTIES = Map.of(
            "mail.mime.base64.ignoreerrors", "true",
            "mail.mime.uudecode.ignoreerrors", "true",
            "mail.mime.uudecode.ignoremissingbeginend", "true",
            "mail.mime.multipart.allowempty", "true",
            "mail.mime.multipart.ignoremissingboundaryparameter", "true",
            "mail.mime.multipart.ignoremissingendboundary", "true",
            "mail.mime.ignoreunknownencoding", "true",
            "mail.mime.parameters.strict", "false",
            "mail.mime.decodetext.strict", "false",
            "mail.mime.decodeparameters", "true");

    static {
        LENIENT_SYSTEM_PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    private final Session session;
    private final MimeWalker walker;

    public MessageExtractor(AttachmentLimits limits, FileStore store) {
        this(limits, store, new TypeDetector());
    }

    /** With a shared detector, when other code already built one. */
    public MessageExtractor(AttachmentLimits limits, FileStore store, TypeDetector types) {
        this.session = Session.getInstance(sessionProperties());
        FileIntake intake = new FileIntake(limits, store, types, new MediaReader());
        this.walker = new MimeWalker(limits, session, intake, types, store.temporaryDirectory());
    }

    /**
     * Extracts every attachment of the message in {@code rawMessageFile}. Never throws for hostile
     * input (broken MIME, bad charsets, zip bombs...): faults become statuses and problems.
     *
     * @throws IOException only when the message file cannot be opened or the store cannot write
     */
    public Extraction extract(Path rawMessageFile) throws IOException {
        try (Walk walk = new Walk(); SharedFileInputStream in = new SharedFileInputStream(rawMessageFile.toFile());
                FileChannel channel = FileChannel.open(rawMessageFile, StandardOpenOption.READ)) {
            walkSafely(in, channel, walk);
            addLinks(walk);
            return walk.result();
        }
    }

    private void walkSafely(SharedFileInputStream in, FileChannel channel, Walk walk) throws IOException {
        try {
            MimeMessage message = new MimeMessage(session, in);
            walk.messageFile(new MessageFile(channel, in, message));
            walker.walkMessage(message, walk);
        } catch (StoreFailure e) {
            throw e;
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.debug("Message unreadable as MIME", e);
            walk.problem("邮件无法按 MIME 格式解析，附件可能未全部取出");
        }
    }

    private static void addLinks(Walk walk) {
        for (CloudLink link : walk.links()) {
            walk.add(new ExtractedFile(walk.nextSeq(), null, "body", link.title(), "text/uri-list", "text/uri-list", 0,
                    null, AttachmentKind.LINK, AttachmentStatus.OK, "", link.url(), null));
        }
    }

    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        // Off on purpose: with it on, headers are read as UTF-8 and raw GBK bytes turn into U+FFFD.
        // Off, each header byte arrives as one char and EncodedWords decodes UTF-8, else GB18030.
        properties.setProperty("mail.mime.allowutf8", "false");
        return properties;
    }
}
