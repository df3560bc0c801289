package cn.gdhrss.intake.attachment;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the MIME tree of one message: multiparts, forwarded messages (whose parts belong to the
 * same submission), body text, uuencoded files inside text, and every leaf that is an attachment.
 * Parts are read as streams over the message file, never loaded whole.
 */
final class MimeWalker {

    private static final Logger LOG = LoggerFactory.getLogger(MimeWalker.class);
    /** Bytes of one text part read for body text and links; the rest is still scanned for uuencode. */
    private static final int MAX_TEXT_PART_BYTES = 1024 * 1024;

    private final AttachmentLimits limits;
    private final Session session;
    private final FileIntake intake;
    private final TypeDetector types;
    private final Path spoolDirectory;
    private final CloudLinkDetector links = new CloudLinkDetector();
    private final UuencodeScanner uuencode = new UuencodeScanner();

    MimeWalker(AttachmentLimits limits, Session session, FileIntake intake, TypeDetector types, Path spoolDirectory) {
        this.limits = limits;
        this.session = session;
        this.intake = intake;
        this.types = types;
        this.spoolDirectory = spoolDirectory;
    }

    void walkMessage(MimeMessage message, Walk walk) throws IOException {
        try {
            walk.noteDeclaredCharsets(String.join("\n", rawHeader(message, "Content-Type"), rawHeader(message, "Subject"),
                    rawHeader(message, "From")));
        } catch (MessagingException e) {
            LOG.debug("Top headers unreadable for charset hints", e);
        }
        walkPart(message, "", "", 0, walk);
    }

    private void walkPart(Part part, String prefix, String section, int depth, Walk walk) throws IOException {
        if (!walk.countPart(limits.maxParts())) {
            if (walk.isFirstPartOverLimit(limits.maxParts())) {
                walk.problem(String.format(Locale.ROOT, "邮件包含的部分超过 %d 个，其余部分未解析", limits.maxParts()));
                // One item for all the rest, so that the sender is told like for any file not taken (issue 11).
                walk.add(new ExtractedFile(walk.nextSeq(), null, "message", "其余附件", "", "", 0, null, AttachmentKind.OTHER,
                        AttachmentStatus.OVER_LIMIT, String.format(Locale.ROOT,
                        "邮件中的附件超过 %d 个，超出的部分未处理；请把材料整理为不超过 %d 个文件（可打包为压缩包）后重新发送",
                        limits.maxParts(), limits.maxParts()), null, null));
            }
            return;
        }
        if (depth > limits.maxNestingDepth()) {
            walk.problem(String.format(Locale.ROOT, "邮件结构嵌套超过 %d 层，更深的部分未解析", limits.maxNestingDepth()));
            return;
        }
        String path = section.isEmpty() ? "1" : section;
        try {
            dispatch(part, prefix, section, depth, walk);
        } catch (StoreFailure e) {
            throw e;
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.debug("MIME part {}{} unreadable", prefix, path, e);
            walk.problem("邮件结构损坏：第 " + prefix + path + " 部分无法解析，已跳过");
        }
    }

    private void dispatch(Part part, String prefix, String section, int depth, Walk walk)
            throws IOException, MessagingException {
        String contentType = rawHeader(part, "Content-Type");
        // A body part's charset is the best guess for raw 8-bit names that follow (issue 10): mail clients read them so.
        walk.noteDeclaredCharsets(contentType);
        HeaderParameters type = HeaderParameters.parse(contentType);
        String mediaType = type.value().contains("/") ? type.value() : "text/plain";
        String path = section.isEmpty() ? "1" : section;
        if (mediaType.startsWith("multipart/")) {
            walkMultipart((MimePart) part, prefix, section, depth, walk);
        } else if (mediaType.equals("message/rfc822")) {
            walkForwarded(part, prefix + path, depth, walk);
        } else {
            takeLeaf(part, mediaType, contentType, prefix + path, walk);
        }
    }

    private void walkMultipart(MimePart part, String prefix, String section, int depth, Walk walk)
            throws IOException, MessagingException {
        Optional<List<MimeBodyPart>> scanned = scannedParts(part, walk);
        if (scanned.isPresent()) {
            for (int index = 0; index < scanned.get().size(); index++) {
                String child = section.isEmpty() ? Integer.toString(index + 1) : section + "." + (index + 1);
                walkPart(scanned.get().get(index), prefix, child, depth + 1, walk);
            }
            return;
        }
        MimeMultipart multipart;
        int count;
        try {
            multipart = new MimeMultipart(new MimePartDataSource(part));
            count = multipart.getCount();
        } catch (MessagingException | RuntimeException e) {
            walk.problem("邮件结构损坏：多部分正文缺少或写错了分隔边界，按纯文本读取");
            readBody(part, "text/plain", "", prefix + (section.isEmpty() ? "1" : section), walk);
            return;
        }
        if (!multipart.isComplete()) {
            walk.problem("邮件结构损坏：缺少结束边界");
        }
        for (int index = 0; index < count; index++) {
            String child = section.isEmpty() ? Integer.toString(index + 1) : section + "." + (index + 1);
            walkPart(multipart.getBodyPart(index), prefix, child, depth + 1, walk);
        }
    }

    /**
     * The top-level multipart split over large buffers (issue 12), as Angus would split it; empty
     * for any other multipart and for anything the scanner leaves to Angus. Parts past the part
     * limit are not made: the walk records them as one over-limit item before looking at them.
     */
    private Optional<List<MimeBodyPart>> scannedParts(MimePart part, Walk walk) {
        Optional<MessageFile> file = walk.messageFile().filter(found -> found.isTopLevel(part));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return file.get().topLevelParts(limits.maxParts() + 1);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.debug("Top-level multipart left to Angus", e);
            return Optional.empty();
        }
    }

    private void walkForwarded(Part part, String path, int depth, Walk walk) throws IOException, MessagingException {
        MimeMessage forwarded = openForwarded(part, walk);
        walkPart(forwarded, path + "/forwarded:", "", depth + 1, walk);
    }

    /** A forwarded message in 7bit/8bit is read in place; an encoded one is decoded to a temp file first. */
    private MimeMessage openForwarded(Part part, Walk walk) throws IOException, MessagingException {
        InputStream content = forwardedContent(part);
        if (content instanceof SharedInputStream) {
            return new MimeMessage(session, content);
        }
        Path spooled = TemporaryFiles.create(spoolDirectory, "forwarded", ".eml");
        walk.ownTemporaryFile(spooled);
        try (InputStream in = content; OutputStream out = Files.newOutputStream(spooled)) {
            long copied = copy(in, out, limits.maxAttachmentBytes());
            if (copied > limits.maxAttachmentBytes()) {
                walk.problem("转发的邮件超过大小上限，只解析了前面部分");
            }
        }
        SharedFileInputStream shared = new SharedFileInputStream(spooled.toFile());
        walk.own(shared);
        return new MimeMessage(session, shared);
    }

    /**
     * Jakarta Mail ignores a transfer encoding on message/* parts unless a system property says
     * otherwise (RFC 2046 §5.2.1 forbids it), but clients do base64-encode forwarded mail.
     */
    private static InputStream forwardedContent(Part part) throws IOException, MessagingException {
        String encoding = rawHeader(part, "Content-Transfer-Encoding").trim().toLowerCase(Locale.ROOT);
        boolean encoded = encoding.equals("base64") || encoding.equals("quoted-printable");
        if (encoded && part instanceof MimeBodyPart bodyPart) {
            return MimeUtility.decode(bodyPart.getRawInputStream(), encoding);
        }
        return part.getInputStream();
    }

    private void takeLeaf(Part part, String mediaType, String contentType, String path, Walk walk)
            throws IOException, MessagingException {
        String disposition = rawHeader(part, "Content-Disposition");
        boolean markedAttachment = HeaderParameters.parse(disposition).value().equals("attachment");
        Optional<String> name = FileNames.fromHeaders(disposition, contentType, walk.charsetHints());
        boolean isText = mediaType.equals("text/plain") || mediaType.equals("text/html");
        if (name.isEmpty() && !markedAttachment && isText) {
            String charset = HeaderParameters.parse(contentType).find("charset").orElse("");
            readBody(part, mediaType, charset, path, walk);
            return;
        }
        if (name.isEmpty() && !markedAttachment && isStructural(mediaType)) {
            return;
        }
        FileOrigin origin = new FileOrigin(null, path, name.orElseGet(() -> unnamed(mediaType)), mediaType);
        Optional<InputStream> content = openContent(part);
        if (content.isEmpty()) {
            intake.record(walk, origin, 0, Verdict.of(AttachmentStatus.CORRUPT, "附件的编码方式无法识别，内容无法读取"));
            return;
        }
        try (InputStream in = content.get()) {
            intake.take(walk, origin, in);
        }
    }

    /** Delivery reports, headers of bounced mail, calendar data: parts of the mail, not files sent. */
    private static boolean isStructural(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.startsWith("message/");
    }

    private String unnamed(String mediaType) {
        String extension = types.extensionOf(mediaType);
        return extension.isEmpty() ? "未命名附件" : "未命名附件." + extension;
    }

    private void readBody(Part part, String mediaType, String charset, String path, Walk walk) throws IOException {
        Optional<InputStream> content = openContent(part);
        if (content.isEmpty()) {
            walk.problem("邮件正文的编码方式无法识别，正文未读取");
            return;
        }
        try (InputStream in = content.get()) {
            if (mediaType.equals("text/html")) {
                String html = MailCharsets.decode(in.readNBytes(MAX_TEXT_PART_BYTES), charset, walk.charsetHints());
                walk.addHtmlText(HtmlText.toText(html));
                walk.addLinks(links.find(html));
                return;
            }
            UuencodeScanner.Scan scan = uuencode.scan(in, MAX_TEXT_PART_BYTES, limits.maxParts());
            String text = MailCharsets.decode(scan.text(), charset, walk.charsetHints());
            walk.addPlainText(text);
            walk.addLinks(links.find(text));
            for (UuencodeScanner.Block block : scan.blocks()) {
                takeUuencoded(part, block, path, walk);
            }
        }
    }

    private void takeUuencoded(Part part, UuencodeScanner.Block block, String path, Walk walk) throws IOException {
        String name = FileNames.forDisplay(block.name());
        FileOrigin origin = new FileOrigin(null, path + "/uu:" + name, name, "application/octet-stream");
        Optional<InputStream> content = openContent(part);
        if (content.isEmpty()) {
            return;
        }
        try (InputStream in = content.get()) {
            in.skipNBytes(block.offset());
            try (InputStream decoded = MimeUtility.decode(in, "uuencode")) {
                intake.take(walk, origin, decoded);
            } catch (MessagingException e) {
                intake.record(walk, origin, 0, Verdict.of(AttachmentStatus.CORRUPT, "uuencode 编码的附件无法解码"));
            }
        }
    }

    /** The decoded content, or empty when its transfer encoding cannot be decoded. */
    private static Optional<InputStream> openContent(Part part) {
        try {
            Optional<InputStream> fast = openBase64(part);
            return fast.isPresent() ? fast : Optional.of(part.getInputStream());
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.debug("Content of a MIME part not decodable", e);
            return Optional.empty();
        }
    }

    /**
     * Base64 leaves decoded by {@link Base64Content}, which gives the bytes Jakarta Mail would.
     * Composite types are left to Jakarta Mail, which ignores their transfer encoding.
     */
    private static Optional<InputStream> openBase64(Part part) throws MessagingException {
        if (!(part instanceof MimePart mime) || !"base64".equalsIgnoreCase(mime.getEncoding())) {
            return Optional.empty();
        }
        String type = HeaderParameters.parse(rawHeader(part, "Content-Type")).value();
        if (type.startsWith("multipart/") || type.startsWith("message/")) {
            return Optional.empty();
        }
        if (part instanceof MessageFile.ScannedBodyPart scanned) {
            return Optional.of(new Base64Content(scanned.rawContent()));
        }
        if (part instanceof MimeBodyPart body) {
            return Optional.of(new Base64Content(body.getRawInputStream()));
        }
        if (part instanceof MimeMessage message) {
            return Optional.of(new Base64Content(message.getRawInputStream()));
        }
        return Optional.empty();
    }

    /** A header as sent, one char per byte (mail.mime.allowutf8 is off), or empty. */
    private static String rawHeader(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }

    private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while (copied <= maxBytes && (read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }
}
