package cn.gdhrss.intake.web;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.SampleMails;
import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.cli.CaseRegister;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The register of {@link CaseRegister} (every kind of case and message of the CLI's tests) plus
 * what the console shows beyond the command line, imported through the real pipeline: a proposal
 * (its 电子信箱 wrong, so it has a finding) with a video (a real H.264 clip, {@code src/test/resources/web/README.md}), a photo, an SVG and an
 * HTML file; a proposal from 佛山市; one whose 职业名称 and subject try markup; and a newsletter
 * (unrelated mail); a stranger's proposal naming another case (flagged). Accounts: {@code sheng} (province), {@code foshan} (city 佛山市), {@code guangzhou}
 * (city 广州市), {@code reader}; each password is {@link #PASSWORD}.
 */
final class ConsoleRegister {
    static final String PASSWORD = "correct-horse-42";
    static final String XSS_NAME = "<img src=x onerror=alert(1)>标注员";
    static final String FOSHAN_NAME = "智能家居安装调试员";
    static final String VIDEO_NAME = "短视频运维员";
    /** From a stranger whose subject names XZY-2026-0001: a case of its own, flagged for staff. */
    static final String FLAGGED_NAME = "网络直播运营师";
    static final Path VIDEO = Path.of("src/test/resources/web/sample-video.mp4");
    private static final Map<String, String> HASHES = new HashMap<>();

    private ConsoleRegister() {}

    static void build(Path data, Path mail) throws IOException {
        CaseRegister.build(data, mail);
        Path extra = Files.createDirectories(mail.resolve("console"));
        SampleMails.write(extra, "21-video.eml", "chen@example.cn", "申报新职业（附视频）", "", "您好，建议书和演示视频见附件。", List.of(
                new Part("新职业建议书-" + VIDEO_NAME + ".docx", SampleMails.proposal(Map.of("低空飞行器运维员", VIDEO_NAME, "zhangsan@example.com", "chen#example.cn"))),
                new Part("工作演示视频.mp4", Files.readAllBytes(VIDEO)),
                new Part("现场照片.png", png()),
                new Part("图示.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('svg')\"><script>alert(2)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)),
                new Part("说明.html", "<html><body><script>alert(3)</script>说明</body></html>".getBytes(StandardCharsets.UTF_8))));
        SampleMails.write(extra, "22-foshan.eml", "liu@example.com", "", List.of(new Part("新职业建议书.docx",
                SampleMails.proposal(Map.of("低空飞行器运维员", FOSHAN_NAME, "广州", "佛山", "天河区", "南海区")))));
        SampleMails.write(extra, "23-markup.eml", "mallory@example.net", "<script>alert('subject')</script>申报", "",
                "<b>正文</b>", List.of(new Part("<img src=x onerror=alert(4)>.docx",
                        SampleMails.proposal(Map.of("低空飞行器运维员", XSS_NAME)))));
        SampleMails.write(extra, "24-newsletter.eml", "news@marketing.example.com", "本周优惠", "List-Unsubscribe: <mailto:u@marketing.example.com>\r\n"
                + "Precedence: bulk\r\n", "限时优惠，点击查看。", List.of());
        SampleMails.write(extra, "25-stranger-reference.eml", "stranger@example.org", "[XZY-2026-0001] 补充材料", "", "建议书见附件。",
                List.of(new Part("新职业建议书.docx", SampleMails.proposal(Map.of("低空飞行器运维员", FLAGGED_NAME)))));
        try (App app = CaseRegister.open(data)) {
            app.intake().runOnce(new FileImportSource(List.of(extra)), done -> { }).orElseThrow();
        }
    }

    /** A 64×48 PNG, drawn here. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2f80c0));
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(16, 8, 32, 32);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The settings of the console under test: every account, a dynamic port, {@code extra} on top. */
    static Settings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        synchronized (HASHES) {
            if (HASHES.isEmpty()) {
                String hash = Accounts.hash(PASSWORD);
                HASHES.put("sheng", "province " + hash);
                HASHES.put("foshan", "city 佛山市 " + hash);
                HASHES.put("guangzhou", "city 广州市 " + hash);
                HASHES.put("reader", "reader " + hash);
                HASHES.put("locked", "province " + hash);
            }
            HASHES.forEach((name, line) -> values.put("web.user." + name, line));
        }
        values.put("web.port", "0");
        values.putAll(extra);
        return Settings.of(values);
    }

    static App app(Path data, Map<String, String> extra) {
        return new App(data, settings(extra), Clock.fixed(CaseRegister.NOW, ZoneOffset.UTC));
    }
}
