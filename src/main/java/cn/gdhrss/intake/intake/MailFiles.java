package cn.gdhrss.intake.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a file that holds a mail (RFC 5322 §2.1: header fields, a blank line, the body) from one
 * that does not, before {@code import} registers it (issue 8: a PDF or a Word file given to import
 * is refused, not registered as a blank message).
 */
public final class MailFiles {
    /** The header is looked for in this many leading bytes. */
    static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern FIELD = Pattern.compile("^([\\x21-\\x39\\x3B-\\x7E]{1,76}):.*");
    private static final Set<String> KNOWN = Set.of("from", "to", "subject", "date", "message-id", "received", "return-path",
            "mime-version", "content-type", "reply-to", "sender", "delivered-to", "x-mailer");

    private MailFiles() {}

    /** Empty when {@code file} looks like a mail; else why not, in Chinese (没有邮件头…). */
    public static Optional<String> whyNotMail(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            return Optional.of("无法读取（" + e.getClass().getSimpleName() + "）");
        }
        if (head.length == 0) {
            return Optional.of("是空文件");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int end = headerEnd(text);
        if (text.substring(0, end).indexOf('\0') >= 0) {
            return Optional.of("是二进制文件，不是邮件（.eml）");
        }
        return hasKnownField(text.substring(0, end)) ? Optional.empty()
                : Optional.of("开头没有邮件头（From:、Subject:、Date: 等），不是邮件（.eml）");
    }

    private static int headerEnd(String text) {
        int blank = text.indexOf("\n\n");
        int crlf = text.indexOf("\r\n\r\n");
        int end = blank < 0 ? crlf : crlf < 0 ? blank : Math.min(blank, crlf);
        return end < 0 ? text.length() : end;
    }

    private static boolean hasKnownField(String header) {
        boolean known = false;
        for (String line : header.split("\r?\n")) {
            if (line.startsWith("From ") && !known) {
                continue; // an mbox separator line before the header
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue; // folded continuation (RFC 5322 §2.2.3)
            }
            var match = FIELD.matcher(line);
            if (!match.matches()) {
                return false;
            }
            known |= KNOWN.contains(match.group(1).toLowerCase(Locale.ROOT));
        }
        return known;
    }
}
