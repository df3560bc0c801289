package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.reply.ReplyTestKit;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5: at a deadline the service mails the period's summaries to staff, files attached. */
class SummaryMailIT {
    private static final String STAFF = "staff@gdhrss.example.cn";
    private static final String SUBJECT = "新职业信息汇总表（2026-08-10期）";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    private App app(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("summary.mail.to", STAFF));
        settings.putAll(extra);
        // The test's stages, not the real parse step: loading Tika's OOXMLParser lowers POI's global
        // zip-inflate-ratio guard, which FormReaderIT (run later in the same JVM) relies on.
        Path data = dir.resolve("data");
        App app = new App(data, Settings.of(settings), clock, ReplyTestKit.stages(data));
        new RegisterFiller(app.database()).add(List.of(
                ReportRegisterIT.submission("a@qq.com", ReportRegisterIT.AUGUST, "数据标注员", "广州市天河区"),
                ReportRegisterIT.submission("b@qq.com", ReportRegisterIT.AUGUST, "碳排放管理员", "佛山市顺德区")));
        return app;
    }

    @Test
    void emlInTheOutboxCarriesTheWorkbooksUnderTheirChineseNames() throws Exception {
        try (App app = app(Map.of())) {
            app.dueSummaries().writeDue();
            app.outboxSender().sendDue();
        }
        MimeMessage mail = onlyMailWithSubject(emlFiles());

        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(STAFF);
        Map<String, byte[]> attached = attachments(mail);
        assertThat(attached.keySet()).contains("新职业信息汇总表（广州市）2026-08-10.xlsx", "新职业信息汇总表（佛山市）2026-08-10.xlsx",
                "新职业信息汇总表（全省）2026-08-10.xlsx", "新职业信息汇总表（全省）2026-08-10.docx");
        Path province = dir.resolve("data/summaries/2026-08-10/新职业信息汇总表（全省）2026-08-10.xlsx");
        assertThat(attached.get("新职业信息汇总表（全省）2026-08-10.xlsx")).isEqualTo(Files.readAllBytes(province));
    }

    @Test
    void staffAddressReceivesThePeriodsSummariesOnceOverSmtp() throws Exception {
        int port = freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try (App app = app(Map.of("smtp.host", "127.0.0.1", "smtp.port", Integer.toString(port), "smtp.security", "none",
                "smtp.timeout.seconds", "10"))) {
            app.dueSummaries().writeDue();
            app.outboxSender().sendDue();
            app.dueSummaries().writeDue();
            app.outboxSender().sendDue();

            List<MimeMessage> received = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessagesForDomain("gdhrss.example.cn")) {
                if (SUBJECT.equals(message.getSubject())) {
                    received.add(message);
                }
            }
            assertThat(received).hasSize(1);
            assertThat(attachments(received.get(0))).containsKey("新职业信息汇总表（全省）2026-08-10.xlsx");
        } finally {
            greenMail.stop();
        }
    }

    private List<Path> emlFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data/outbox"))) {
            return files.filter(file -> file.toString().endsWith(".eml")).toList();
        }
    }

    private static MimeMessage onlyMailWithSubject(List<Path> files) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                if (SUBJECT.equals(message.getSubject())) {
                    matching.add(message);
                }
            }
        }
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        Multipart mixed = (Multipart) message.getContent();
        for (int index = 0; index < mixed.getCount(); index++) {
            Part part = mixed.getBodyPart(index);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    files.put(part.getFileName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
