package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: raw 8-bit top headers are read with the charsets the message's own body parts declare. */
class MessageHeadersTest {

    @TempDir
    Path dir;

    private Path message(String subject, Charset headerCharset, String bodyPartHeaders) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("From: applicant@example.ru\r\nTo: xzy@example.gov.cn\r\nSubject: ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(subject.getBytes(headerCharset));
        out.writeBytes(("\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n" + bodyPartHeaders
                + "\r\n\r\ntext\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII));
        return Files.write(dir.resolve("message.eml"), out.toByteArray());
    }

    @Test
    void rawSubjectIsReadInTheCharsetOfTheBodyPart() throws IOException {
        Path file = message("Заявка", Charset.forName("KOI8-R"), "Content-Type: text/plain; charset=\"koi8-r\"");

        assertThat(MessageHeaders.read(file).subject()).isEqualTo("Заявка");
    }

    @Test
    void rawHebrewSubjectUnderTheImplicitBidiLabel() throws IOException {
        Path file = message("בקשה", Charset.forName("ISO-8859-8"), "Content-Type: text/html; charset=iso-8859-8-i");

        assertThat(MessageHeaders.read(file).subject()).isEqualTo("בקשה");
    }

    @Test
    void nulAndControlCharactersNeverReachTheRegister() throws IOException {
        Path file = message("申报\u0000书\u001b[0m", StandardCharsets.UTF_8, "Content-Type: text/plain; charset=utf-8");

        assertThat(MessageHeaders.read(file).subject()).isEqualTo("申报书[0m");
    }

    @Test
    void headersAreStoredInTheOrderOfTheMessage() throws IOException {
        Path file = dir.resolve("order.eml");
        java.nio.file.Files.writeString(file, "Message-ID: <o@example.cn>\r\nFrom: a@example.cn\r\nTo: b@example.cn\r\n"
                + "Received: one\r\nDate: Mon, 3 Aug 2026 09:00:00 +0800\r\nReceived: two\r\nSubject: s\r\n\r\nbody\r\n",
                java.nio.charset.StandardCharsets.US_ASCII);

        var headers = MessageHeaders.read(file).stored().headers();

        assertThat(headers.keySet()).containsExactly("message-id", "from", "to", "received", "date", "subject");
        assertThat(headers.get("received")).containsExactly("one", "two");
    }
}
