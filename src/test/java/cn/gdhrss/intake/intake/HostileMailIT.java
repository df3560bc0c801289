package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.MessageRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile mails taken from the mailbox by the service itself (not the import command, which refuses
 * what is not a mail): multiparts 1,000 deep, a 10 MB header, no headers at all, a traversal name with
 * control characters. Each is archived whole, processed to the end with its status and reason, and
 * nothing is written outside the data directory.
 */
class HostileMailIT {
    @TempDir
    Path dir;

    @Test
    void hostileMailsAreArchivedAndFinishedWithAReason() throws IOException {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        deep(maildirNew.resolve("1785720000.M1.host"), 1000);
        hugeHeader(maildirNew.resolve("1785720000.M2.host"), 10 << 20);
        Files.write(maildirNew.resolve("1785720000.M3.host"), "只有正文，没有任何邮件头。\r\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(maildirNew.resolve("1785720000.M4.host"), """
                From: applicant@example.cn\r
                Subject: traversal\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: application/octet-stream; name="../../../etc/\u0001passwd\u0000.docx"\r
                Content-Disposition: attachment; filename="../../../etc/\u0001passwd\u0000.docx"\r
                \r
                not a word file\r
                --b--\r
                """, StandardCharsets.ISO_8859_1);

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            app.intake().pollMailbox().orElseThrow();
            List<MessageRecord> messages = app.messages().list(10);
            assertThat(messages).hasSize(4);
            for (MessageRecord message : messages) {
                assertThat(message.status()).as(message.uid()).isIn("answered", "no_reply");
                assertThat(data.resolve(message.rawPath())).exists();
            }
            MessageRecord deep = byUid(messages, "1785720000.M1.host");
            assertThat(app.messages().listEvents(deep.id())).anySatisfy(event ->
                    assertThat(event.detail()).contains("邮件结构嵌套超过 10 层，更深的部分未解析"));
            MessageRecord traversal = byUid(messages, "1785720000.M4.host");
            List<AttachmentRecord> attachments = app.messages().listAttachments(traversal.id());
            assertThat(attachments).singleElement().satisfies(attachment -> {
                assertThat(attachment.name()).doesNotContain("/", "..", "\u0000", "\u0001").endsWith(".docx");
                assertThat(attachment.kind()).isNotEqualTo("proposal_form");
            });
        }
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    private static MessageRecord byUid(List<MessageRecord> messages, String uid) {
        return messages.stream().filter(message -> message.uid().equals(uid)).findFirst().orElseThrow();
    }

    private static void deep(Path file, int depth) throws IOException {
        StringBuilder mail = new StringBuilder("From: applicant@example.cn\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"d").append(i).append("\"\r\n\r\n--d").append(i).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\n申报\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            mail.append("--d").append(i).append("--\r\n");
        }
        Files.writeString(file, mail, StandardCharsets.UTF_8);
    }

    private static void hugeHeader(Path file, int bytes) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("From: applicant@example.cn\r\nSubject: huge\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII));
            byte[] line = ("x".repeat(70) + "\r\n ").getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < bytes; written += line.length) {
                out.write(line);
            }
            out.write("end\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n申报\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
