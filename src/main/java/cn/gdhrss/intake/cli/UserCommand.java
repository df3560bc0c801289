package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.web.AccountFile;
import cn.gdhrss.intake.web.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code user add NAME --role province|city|reader [--city 佛山市]}: a console account, its password asked for. */
@Command(name = "user", description = "管理网页控制台的账户", subcommands = UserCommand.Add.class)
final class UserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 1;
    }

    @Command(name = "add", description = "添加或更改一个账户（询问密码），把 bcrypt 散列写入配置文件；重启 serve 后生效")
    static final class Add implements Callable<Integer> {
        static final int MIN_PASSWORD = 10;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "用户名（字母、数字、点、横线、下划线）")
        String name = "";

        @Option(names = "--role", required = true, description = "province（省级工作人员）、city（地市工作人员）或 reader（只读审阅人）")
        String role = "";

        @Option(names = "--city", description = "地市工作人员所属城市，如 佛山市")
        @Nullable String city;

        @Override
        public Integer call() throws IOException {
            if (!AccountFile.NAME.matcher(name).matches()) {
                throw new CommandError("用户名只能由字母、数字、点、横线、下划线组成（不超过 32 个字符），不是“" + name + "”。");
            }
            Role parsed = Role.parse(role).orElseThrow(() -> new CommandError(
                    "--role 应为 province（省级工作人员）、city（地市工作人员）或 reader（只读审阅人），不是“" + role + "”。"));
            String cityName = "";
            if (parsed == Role.CITY) {
                if (city == null || city.isBlank()) {
                    throw new CommandError("地市工作人员须用 --city 指定所属城市，如 --city 佛山市。");
                }
                try (App app = common.openApp()) {
                    cityName = app.caseInputs().city(city);
                }
            }
            String password = askPassword();
            Path config = common.configFile != null ? common.configFile : CommonOptions.DEFAULT_CONFIG;
            AccountFile.write(config, name, parsed, cityName, password);
            spec.commandLine().getOut().println("账户 " + name + "（" + parsed.label() + (cityName.isEmpty() ? "" : "，" + cityName)
                    + "）已写入 " + config + "；重启 ./run.sh serve 后生效。");
            return 0;
        }

        /** From the terminal without echo, twice; from standard input (one line, or two that must match) otherwise. */
        private String askPassword() throws IOException {
            Console console = System.console();
            String first;
            String second;
            if (console != null) {
                char[] typed = console.readPassword("密码（至少 %d 个字符）：", MIN_PASSWORD);
                char[] again = console.readPassword("再输入一次：");
                first = typed == null ? "" : new String(typed);
                second = again == null ? "" : new String(again);
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                first = orEmpty(in.readLine());
                String line = in.readLine();
                second = line == null ? first : line;
            }
            if (first.length() < MIN_PASSWORD) {
                throw new CommandError("密码至少 " + MIN_PASSWORD + " 个字符；请重新运行并输入更长的密码。");
            }
            if (!first.equals(second)) {
                throw new CommandError("两次输入的密码不一致；请重新运行。");
            }
            return first;
        }

        private static String orEmpty(@Nullable String line) {
            return line == null ? "" : line;
        }
    }
}
