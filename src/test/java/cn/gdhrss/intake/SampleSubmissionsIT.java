package cn.gdhrss.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Word and Excel forms mailed in, through every step with no test stand-in: extraction,
 * reading, checks, cases and the replies written as .eml files (no SMTP configured).
 */
class SampleSubmissionsIT {
    private static final Path FORMS = Path.of("src/test/resources/forms");

    @TempDir
    Path dir;

    @Test
    void eachSubmissionGetsExactlyTheExpectedReplyAndRobotsNone() throws Exception {
        Path mail = Files.createDirectories(dir.resolve("mail"));
        byte[] valid = validProposal();
        write(mail, "01-valid.eml", "zhangsan@example.cn", "", List.of(new Part("新职业建议书-低空飞行器运维员.docx", valid)));
        write(mail, "02-blank-form.eml", "lisi@example.org", "",
                List.of(new Part("新职业建议书.docx", Files.readAllBytes(FORMS.resolve("template-proposal.docx")))));
        write(mail, "03-only-pdf.eml", "wangwu@example.net", "", List.of(new Part("建议书.pdf", pdf())));
        write(mail, "04-city-batch.eml", "zhinengchu@gz.example.gov.cn", "", List.of(
                new Part("新职业信息汇总表（广州市）.docx", Files.readAllBytes(FORMS.resolve("testDOCX_summary_libreoffice.docx"))),
                new Part("新职业建议书-低空飞行器运维员.docx", valid)));
        write(mail, "05-auto-replied.eml", "robot@example.cn", "Auto-Submitted: auto-replied\r\n",
                List.of(new Part("新职业建议书.docx", valid)));
        write(mail, "06-empty.eml", "qianba@example.cn", "", List.of());
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

    private record Part(String name, byte[] bytes) {}

    /** The LibreOffice-saved filled form, with a real Guangzhou number in 联系电话 so that no error remains. */
    private static byte[] validProposal() throws IOException {
        try (InputStream in = Files.newInputStream(FORMS.resolve("testDOCX_filled_libreoffice.docx"));
                XWPFDocument document = new XWPFDocument(in)) {
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        for (XWPFParagraph paragraph : cell.getParagraphs()) {
                            for (XWPFRun run : paragraph.getRuns()) {
                                String text = run.getText(0);
                                if (text != null && text.contains("020-12345678")) {
                                    run.setText(text.replace("020-12345678", "020-87654321"), 0);
                                }
                            }
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] pdf() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void write(Path dir, String file, String from, String extraHeaders, List<Part> parts) throws IOException {
        StringBuilder mail = new StringBuilder()
                .append("Message-ID: <").append(file).append("@example.cn>\r\n")
                .append("From: ").append(from).append("\r\n")
                .append("To: jnzx_zzyfk@gd.gov.cn\r\n")
                .append("Date: Mon, 31 Aug 2026 09:15:00 +0800\r\n")
                .append("Subject: =?UTF-8?B?").append(b64("申报新职业")).append("?=\r\n")
                .append(extraHeaders)
                .append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n")
                .append("--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(b64("您好，申报材料见附件。")).append("\r\n");
        for (Part part : parts) {
            String name = "=?UTF-8?B?" + b64(part.name()) + "?=";
            mail.append("--b\r\nContent-Type: application/octet-stream; name=\"").append(name).append("\"\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(part.bytes())).append("\r\n");
        }
        mail.append("--b--\r\n");
        Files.writeString(dir.resolve(file), mail, StandardCharsets.US_ASCII);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
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
