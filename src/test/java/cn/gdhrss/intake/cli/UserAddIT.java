package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.config.WebSettings;
import cn.gdhrss.intake.web.Accounts;
import cn.gdhrss.intake.web.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add}: the password read from standard input, its bcrypt hash written into the config file. */
class UserAddIT {
    @TempDir
    Path dir;

    private CaseRegister.Result add(Path config, String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "user";
            all[1] = "add";
            System.arraycopy(args, 0, all, 2, args.length);
            return CaseRegister.run(dir.resolve("data"), config, all);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void writesTheAccountWithABcryptHashThatLogsIn() throws IOException {
        Path config = Files.writeString(dir.resolve("intake.properties"), "# 配置\nweb.port = 8080\n", StandardCharsets.UTF_8);
        CaseRegister.Result result = add(config, "long-enough-secret\nlong-enough-secret\n", "foshan", "--role", "city", "--city", "佛山");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("账户 foshan（地市工作人员，佛山市）已写入");
        String text = Files.readString(config, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# 配置\nweb.port = 8080\n").contains("web.user.foshan = city 佛山市 $2a$").doesNotContain("long-enough-secret");
        Accounts accounts = new Accounts(WebSettings.from(Settings.load(config, Map.of())), Clock.systemUTC());
        assertThat(accounts.login("foshan", "long-enough-secret")).isInstanceOfSatisfying(Accounts.Accepted.class,
                accepted -> assertThat(accepted.account().role()).isEqualTo(Role.CITY));
        assertThat(accounts.login("foshan", "wrong")).isInstanceOf(Accounts.Refused.class);

        assertThat(add(config, "another-long-secret\n", "foshan", "--role", "province").code()).isZero();
        assertThat(Files.readString(config, StandardCharsets.UTF_8)).contains("web.user.foshan = province $2a$").doesNotContain("city 佛山市");
    }

    @Test
    void refusesWhatIsNotAnAccount() throws IOException {
        Path config = Files.writeString(dir.resolve("intake.properties"), "", StandardCharsets.UTF_8);
        assertThat(add(config, "long-enough-secret\n", "foshan", "--role", "city").err()).contains("地市工作人员须用 --city 指定所属城市");
        assertThat(add(config, "long-enough-secret\n", "x y", "--role", "province").err()).contains("用户名只能由字母、数字");
        assertThat(add(config, "long-enough-secret\n", "a", "--role", "admin").err()).contains("--role 应为 province");
        assertThat(add(config, "short\n", "a", "--role", "province").err()).contains("密码至少 10 个字符");
        assertThat(add(config, "long-enough-secret\nother-long-secret\n", "a", "--role", "province").err()).contains("两次输入的密码不一致");
        assertThat(add(config, "long-enough-secret\n", "a", "--role", "city", "--city", "火星市").err()).contains("城市应为 广州市");
        assertThat(Files.readString(config, StandardCharsets.UTF_8)).isEmpty();
    }
}
