package cn.gdhrss.intake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong value is refused with one Chinese sentence naming the file, the key, what may stand there and what does. */
class SettingsTest {
    @TempDir
    Path dir;

    private Settings load(String text) throws IOException {
        return Settings.load(Files.writeString(dir.resolve("intake.properties"), text, StandardCharsets.UTF_8), Map.of());
    }

    private String file() {
        return dir.resolve("intake.properties").toString();
    }

    @Test
    void aWrongEnumValue() throws IOException {
        Settings settings = load("mailbox.protocol = foo\n");
        assertThatThrownBy(() -> MailboxSettings.from(settings, dir)).isInstanceOf(ConfigException.class)
                .hasMessage("配置文件 " + file() + " 中的 mailbox.protocol 只能是 maildir、imap、imaps、pop3 或 pop3s，现为“foo”。");
        assertThatThrownBy(() -> MailboxSettings.from(load("mailbox.after = keep\n"), dir))
                .hasMessage("配置文件 " + file() + " 中的 mailbox.after 只能是 seen、move、leave 或 delete，现为“keep”。");
        assertThatThrownBy(() -> SmtpSettings.from(load("smtp.security = ssl\n")))
                .hasMessage("配置文件 " + file() + " 中的 smtp.security 只能是 starttls、smtps 或 none，现为“ssl”。");
    }

    @Test
    void aWrongNumberFlagDateOrSchedule() throws IOException {
        assertThatThrownBy(() -> load("web.port = 80a80\n").integer("web.port", 8080))
                .hasMessage("配置文件 " + file() + " 中的 web.port 只能是整数（可带 k、m、g 后缀），现为“80a80”。");
        assertThatThrownBy(() -> load("mailbox.idle = maybe\n").flag("mailbox.idle", false))
                .hasMessage("配置文件 " + file() + " 中的 mailbox.idle 只能是 true 或 false，现为“maybe”。");
        assertThatThrownBy(() -> ReportSettings.from(load("periods.fixed = 2026-12-31,31.12.2026\n")))
                .hasMessage("配置文件 " + file() + " 中的 periods.fixed 只能是逗号分隔的日期（如 2026-08-10,2026-12-31），现为“31.12.2026”。");
        assertThatThrownBy(() -> ReportSettings.from(load("periods.yearly = ,\n")))
                .hasMessage("配置文件 " + file() + " 中的 periods.yearly 至少要写一个每年的截止月-日（如 05-31,12-31），现为空。");
        assertThatThrownBy(() -> IntakeSettings.from(load("schedule.cron = */2 minutes\n")))
                .hasMessage("配置文件 " + file() + " 中的 schedule.cron 只能是秒 分 时 日 月 周 六段的定时表达式（如 0 0/2 * * * ?），现为“*/2 minutes”。");
        assertThat(load("schedule.cron = 0 0/10 * * * ?\n").cron("schedule.cron", "")).isEqualTo("0 0/10 * * * ?");
    }

    @Test
    void anUnreadableFileSaysWhyInChineseAndKeepsTheCause() throws IOException {
        Path latin = Files.write(dir.resolve("latin.properties"), new byte[] {'a', '=', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> Settings.load(latin, Map.of()))
                .hasMessage("配置文件 " + latin + " 无法读取（不是 UTF-8 编码的文本），请检查该文件的权限和编码。")
                .hasCauseInstanceOf(java.nio.charset.MalformedInputException.class);
        Path escape = Files.writeString(dir.resolve("escape.properties"), "mailbox.maildir = C:\\users\\mail\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Settings.load(escape, Map.of()))
                .hasMessageStartingWith("配置文件 " + escape + " 中有写错的 \\u 转义").hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
