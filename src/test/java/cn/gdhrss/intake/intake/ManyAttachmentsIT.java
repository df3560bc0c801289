package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One mail with 10,000 attachments goes through the whole service in a JVM of 64 MB heap: the first
 * {@code limits.parts} are taken, the rest are one recorded over-limit item, and the sender's reply
 * says in Chinese why and what to send instead.
 */
class ManyAttachmentsIT {
    static final int ATTACHMENTS = 10_000;

    @TempDir
    Path dir;

    @Test
    void tenThousandAttachmentsStayWithinASmallHeapAndTheSenderIsToldWhy() throws Exception {
        Path data = dir.resolve("data");
        Path maildirNew = Files.createDirectories(data.resolve("mailbox/new"));
        write(maildirNew.resolve("1785720000.M1.host"), ATTACHMENTS);

        Process child = ChildPoll.start(data, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError");
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(ChildPoll.log(data)).isZero();

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            MessageRecord message = app.messages().list(10).get(0);
            assertThat(message.status()).isEqualTo("answered");
            List<AttachmentRecord> attachments = app.messages().listAttachments(message.id());
            assertThat(attachments).hasSizeLessThanOrEqualTo(501);
            assertThat(attachments).filteredOn(a -> a.status().equals("over_limit")).singleElement().satisfies(rest -> {
                assertThat(rest.name()).isEqualTo("其余附件");
                assertThat(rest.statusReason()).isEqualTo("邮件中的附件超过 500 个，超出的部分未处理；"
                        + "请把材料整理为不超过 500 个文件（可打包为压缩包）后重新发送");
            });
            OutboxRecord reply = app.outbox().list(1).get(0);
            assertThat(reply.bodyText()).contains("邮件中的附件超过 500 个，超出的部分未处理");
        }
    }

    /** A multipart/mixed mail with a text body and {@code count} small distinct attachments, streamed to disk. */
    static void write(Path file, int count) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("Message-ID: <many@example.cn>\r\nFrom: applicant@example.cn\r\nTo: jnzx_zzyfk@gd.gov.cn\r\n"
                    + "Subject: =?UTF-8?B?" + b64("申报材料") + "?=\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + b64("您好，申报材料见附件。") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < count; i++) {
                out.write(("--b\r\nContent-Type: application/octet-stream; name=\"p" + i + ".bin\"\r\n"
                        + "Content-Disposition: attachment; filename=\"p" + i + ".bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getEncoder().encodeToString(("part " + i + " \u0000\u0001\u0002").getBytes(StandardCharsets.UTF_8))
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
