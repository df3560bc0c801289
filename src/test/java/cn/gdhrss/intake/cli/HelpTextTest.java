package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Staff try {@code --help} first: every command answers it, in Chinese. */
class HelpTextTest {

    @Test
    void everyCommandAnswersHelpInChinese() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            Printed printed = run(name, "--help");
            assertThat(printed.code()).as(name).isZero();
            assertThat(printed.out()).as(name).startsWith("用法： run.sh " + name).contains("选项：", "-h, --help", "显示本说明并退出。")
                    .doesNotContain("Usage", "Show this help", "Display help", "Print version");
        }
    }

    @Test
    void theRootListsEveryCommandWithAChineseLine() {
        Printed printed = run("--help");
        assertThat(printed.out()).startsWith("用法： run.sh").contains("命令：", "help       显示某个命令的说明")
                .doesNotContain("Usage", "Display help");
    }

    @Test
    void helpNamesACommandOrSaysWhichExist() {
        assertThat(run("help", "review").out()).startsWith("用法： run.sh review").contains("--stage");
        Printed unknown = run("help", "nosuch");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("不认识的命令“nosuch”；可用的命令见 run.sh --help。");
    }

    private record Printed(int code, String out, String err) {}

    private static Printed run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = commandLine.execute(args);
        return new Printed(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
