package cn.gdhrss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Word and Excel forms mailed in, through every step with no test stand-in: extraction,
 * reading, checks, cases and the replies written as .eml files (no SMTP configured).
 */
class SampleSubmissionsIT {

    @TempDir
    Path dir;

    @Test
    void eachSubmissionGetsExactlyTheExpectedReplyAndRobotsNone() throws Exception {
        Path mail = Files.createDirectories(dir.resolve("mail"));
        byte[] valid = SampleMails.validProposal();
        SampleMails.write(mail, "01-valid.eml", "zhangsan@example.cn", "", List.of(new SampleMails.Part("新职业建议书-低空飞行器运维员.docx", valid)));
        SampleMails.write(mail, "02-blank-form.eml", "lisi@example.org", "",
                List.of(new SampleMails.Part("新职业建议书.docx", SampleMails.blankProposal())));
        SampleMails.write(mail, "03-only-pdf.eml", "wangwu@example.net", "", List.of(new SampleMails.Part("建议书.pdf", SampleMails.pdf())));
        SampleMails.write(mail, "04-city-batch.eml", "zhinengchu@gz.example.gov.cn", "", List.of(
                new SampleMails.Part("新职业信息汇总表（广州市）.docx", Files.readAllBytes(SampleMails.FORMS.resolve("testDOCX_summary_libreoffice.docx"))),
                new SampleMails.Part("新职业建议书-低空飞行器运维员.docx", valid)));
        SampleMails.write(mail, "05-auto-replied.eml", "robot@example.cn", "Auto-Submitted: auto-replied\r\n",
                List.of(new SampleMails.Part("新职业建议书.docx", valid)));
        SampleMails.write(mail, "06-empty.eml", "qianba@example.cn", "", List.of());
        Files.copy(Path.of("src/test/resources/reply/submissions/11-bounce-dsn.eml"), mail.resolve("07-bounce.eml"));

        Path data = dir.resolve("data");
        try (App app = new App(data, Settings.of(Map.of()), Clock.fixed(Instant.parse("2026-09-01T02:00:00Z"), ZoneOffset.UTC))) {
            app.intake().runOnce(new FileImportSource(List.of(mail)), done -> { }).orElseThrow();

            Map<String, String> kindByRecipient = app.outbox().list(100).stream()
                    .collect(Collectors.toMap(OutboxRecord::to, OutboxRecord::kind));
            assertThat(kindByRecipient).containsOnly(
                    Map.entry("zhangsan@example.cn", "receipt"),
                    Map.entry("lisi@example.org", "correction"),
                    Map.entry("wangwu@example.net", "correction"),
                    Map.entry("zhinengchu@gz.example.gov.cn", "batch_correction"),
                    Map.entry("qianba@example.cn", "correction"));
        }
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            List<Path> replies = files.filter(file -> file.toString().endsWith(".eml")).toList();
            assertThat(replies).hasSize(5);
            String receipt = bodyOf(replies.stream().filter(f -> f.toString().contains("receipt")).findFirst().orElseThrow());
            assertThat(receipt).contains("低空飞行器运维员").contains("XZY-2026-");
        }
    }

    private static String bodyOf(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                return String.valueOf(multipart.getBodyPart(0).getContent());
            }
            return String.valueOf(content);
        }
    }
}
