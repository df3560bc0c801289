package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.OutboxRecord;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 10: staff reclassify a message; the letter its new class calls for goes out once. */
class ClassifyCommandIT {
    private static final Path SET = Path.of("src/test/resources/mail/classify");

    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        writeEmptyConfig();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--data", dir.toString(), "--config", dir.resolve("none.properties").toString()}, 0, all, args.length, 4);
        assertThat(commandLine.execute(all)).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private void writeEmptyConfig() {
        try {
            java.nio.file.Files.writeString(dir.resolve("none.properties"), "", StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> lettersOf(long messageId) {
        try (App app = new App(dir, Settings.of(Map.of()), Clock.systemUTC())) {
            return app.outbox().list(100).stream().filter(row -> row.messageRef() != null && row.messageRef() == messageId)
                    .map(OutboxRecord::kind).toList();
        }
    }

    @Test
    void unrelatedMailCalledAnEnquiryGetsItsAcknowledgementOnce() {
        run(0, "import", SET.resolve("t04-ticket-order-notice.eml").toAbsolutePath().toString());
        assertThat(run(0, "list")).contains("无关邮件", "内容与新职业征集无关");
        assertThat(lettersOf(1)).isEmpty();

        assertThat(run(0, "classify", "1", "咨询")).contains("邮件 1 已归为“咨询”", "已回复");
        run(0, "classify", "1", "enquiry");

        assertThat(lettersOf(1)).containsExactly("enquiry_ack");
        assertThat(run(0, "show", "1")).contains("类别：咨询（工作人员指定）");
        assertThat(run(0, "list", "--class", "enquiry")).contains("共 1 封");
    }

    @Test
    void enquiryCalledASubmissionOpensACaseAndGetsItsCorrectionOnce() {
        run(0, "import", SET.resolve("q05-qq-office-address.eml").toAbsolutePath().toString());
        assertThat(lettersOf(1)).containsExactly("enquiry_ack");

        run(0, "classify", "1", "submission");
        run(0, "classify", "1", "申报材料");

        assertThat(lettersOf(1)).containsExactlyInAnyOrder("enquiry_ack", "correction");
        assertThat(run(0, "show", "1")).contains("受理编号：XZY-2026-0001", "类别：申报材料（工作人员指定）");
    }

    @Test
    void automaticIsNotAStaffClassAndTheErrorIsOneChineseSentence() {
        run(0, "import", SET.resolve("t04-ticket-order-notice.eml").toAbsolutePath().toString());

        assertThat(run(1, "classify", "1", "spam").strip())
                .isEqualTo("类别应为 submission（申报材料）、enquiry（咨询）或 unrelated（无关邮件），不是“spam”。");
        assertThat(run(1, "classify", "9", "unrelated").strip()).isEqualTo("没有编号为 9 的邮件。");
    }
}
