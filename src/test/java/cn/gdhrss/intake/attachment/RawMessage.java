package cn.gdhrss.intake.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds a raw multipart/mixed message byte by byte, so tests control header bytes exactly
 * (raw GBK, encoded-words inside quotes...), the way broken clients write them.
 */
final class RawMessage {

    private static final java.util.concurrent.atomic.AtomicInteger MESSAGES = new java.util.concurrent.atomic.AtomicInteger();

    /** Unique per message, so a message forwarded inside another keeps its own parts. */
    private final String boundary = "----=_Part_test_" + MESSAGES.incrementAndGet();

    private final List<byte[]> parts = new ArrayList<>();

    /** A text/plain body part in UTF-8. */
    RawMessage text(String body) {
        return part("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A text/html body part in UTF-8. */
    RawMessage html(String body) {
        return part("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** An attachment part with the filename written as given (raw UTF-8 header bytes). */
    RawMessage attachment(String filename, String contentType, byte[] content) {
        return part("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n", content);
    }

    /** A part whose headers are given as text encoded in {@code headerCharset} (raw 8-bit headers). */
    RawMessage rawHeaders(String headers, Charset headerCharset, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headers.getBytes(headerCharset));
        out.writeBytes("Content-Transfer-Encoding: base64\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder().encode(content));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        parts.add(out.toByteArray());
        return this;
    }

    /** A part written verbatim: headers, blank line and body. */
    RawMessage verbatim(byte[] part) {
        parts.add(part);
        return this;
    }

    /** A part with headers written as raw 8-bit UTF-8, as modern clients do. */
    RawMessage part(String headers, byte[] content) {
        return rawHeaders(headers, StandardCharsets.UTF_8, content);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "From: applicant@example.cn\r\nTo: xzy@example.gov.cn\r\nSubject: test\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n");
        for (byte[] part : parts) {
            write(out, "--" + boundary + "\r\n");
            out.writeBytes(part);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
