package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.SampleMails;
import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A register holding every kind of case and message, built once through the real pipeline (no
 * stand-ins, replies written as .eml files): a valid proposal whose 联系人 is 王静, a blank form, a
 * PDF only, a damaged .docx, a cloud link only, an empty mail, a city bureau batch whose proposal
 * has the same name as the first, an auto-reply, a bounce, a proposal with a wrong 电子信箱, and a
 * correction that completes the blank form's case. Each test works on its own copy.
 */
public final class CaseRegister {
    public static final Instant NOW = Instant.parse("2026-09-01T02:00:00Z");
    public static final String VALID = "XZY-2026-0001";

    private CaseRegister() {}

    public static void build(Path data, Path mail) throws IOException {
        Files.createDirectories(mail);
        byte[] valid = SampleMails.proposal(Map.of("张三", "王静"));
        SampleMails.write(mail, "01-valid.eml", "wangjing@example.cn", "", List.of(new Part("新职业建议书-低空飞行器运维员.docx", valid)));
        SampleMails.write(mail, "02-blank-form.eml", "lisi@example.org", "", List.of(new Part("新职业建议书.docx", SampleMails.blankProposal())));
        SampleMails.write(mail, "03-only-pdf.eml", "wangwu@example.net", "", List.of(new Part("建议书.pdf", SampleMails.pdf())));
        SampleMails.write(mail, "04-damaged.eml", "zhao@example.cn", "",
                List.of(new Part("新职业建议书.docx", "PK\u0003\u0004 this is not a whole zip".getBytes(StandardCharsets.UTF_8))));
        SampleMails.write(mail, "05-cloud-link.eml", "sun@example.cn", "申报新职业", "",
                "材料太大，放在网盘：https://pan.baidu.com/s/1AbCdEfGh 提取码 x7k2", List.of());
        SampleMails.write(mail, "06-empty.eml", "qianba@example.cn", "", List.of());
        SampleMails.write(mail, "07-city-batch.eml", "zhinengchu@gz.example.gov.cn", "", List.of(
                new Part("新职业信息汇总表（广州市）.docx", Files.readAllBytes(SampleMails.FORMS.resolve("testDOCX_summary_libreoffice.docx"))),
                new Part("新职业建议书-低空飞行器运维员.docx", SampleMails.validProposal())));
        SampleMails.write(mail, "08-auto-replied.eml", "robot@example.cn", "Auto-Submitted: auto-replied\r\n",
                List.of(new Part("新职业建议书.docx", valid)));
        Files.copy(Path.of("src/test/resources/reply/submissions/11-bounce-dsn.eml"), mail.resolve("09-bounce.eml"));
        SampleMails.write(mail, "10-bad-email.eml", "zhou@example.cn", "", List.of(new Part("新职业建议书-工业数据标注员.docx",
                SampleMails.proposal(Map.of("低空飞行器运维员", "工业数据标注员", "zhangsan@example.com", "zhangsan#example")))));
        try (App app = open(data)) {
            app.intake().runOnce(new FileImportSource(List.of(mail)), done -> { }).orElseThrow();
            String blank = app.cases().listCasesOfMessage(2).get(0).reference();
            Path correction = Files.createDirectories(mail.resolve("later"));
            SampleMails.write(correction, "10-correction.eml", "lisi@example.org", "[" + blank + "] 补正材料", "",
                    "补正后的建议书见附件。", List.of(new Part("新职业建议书（补正）.docx",
                            SampleMails.proposal(Map.of("低空飞行器运维员", "数字孪生应用工程师")))));
            app.intake().runOnce(new FileImportSource(List.of(correction)), done -> { }).orElseThrow();
        }
    }

    public static App open(Path data) {
        return new App(data, Settings.of(Map.of()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A copy of the register under {@code target}. */
    public static void copy(Path from, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!file.getFileName().toString().endsWith(".lock")) {
                    Files.copy(file, to);
                }
            }
        }
    }

    /** What one command printed and returned. */
    public record Result(int code, String out, String err) {}

    /** Runs the CLI on {@code data} with the settings of {@code config} (an empty file: every default). */
    public static Result run(Path data, Path config, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        String[] all = Stream.concat(Stream.of(args), Stream.of("--data", data.toString(), "--config", config.toString()))
                .toArray(String[]::new);
        int code = commandLine.execute(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path emptyConfig(Path dir) {
        try {
            return Files.writeString(dir.resolve("intake.properties"), "# defaults\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
