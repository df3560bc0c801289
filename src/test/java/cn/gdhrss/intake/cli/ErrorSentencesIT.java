package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong configuration, a missing reference directory or a register that cannot be opened: the
 * real command, in its own JVM (so the log's console output counts too), prints one Chinese line on
 * stderr and nothing of the JDK's or the driver's English.
 */
class ErrorSentencesIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");

    @TempDir
    Path dir;

    /** {@code bare}: stderr without the temporary paths, whose names are not the sentence's words. */
    private record Run(int code, String err, String bare) {}

    @Test
    void aWrongEnumValueNamesTheKeyTheAllowedValuesAndTheValue() throws Exception {
        wrongValue("mailbox.protocol = foo", List.of("mailbox", "protocol", "maildir", "imap", "imaps"),
                "mailbox.protocol", "maildir、imap、imaps、pop3 或 pop3s", "“foo”");
    }

    @Test
    void aWrongNumber() throws Exception {
        wrongValue("mailbox.port = abcd", List.of("mailbox", "port", "abcd"), "mailbox.port", "整数", "“abcd”");
    }

    @Test
    void aWrongBoolean() throws Exception {
        wrongValue("mailbox.idle = perhaps", List.of("mailbox", "idle", "true", "false", "perhaps"),
                "mailbox.idle", "true 或 false", "“perhaps”");
    }

    @Test
    void aWrongDateList() throws Exception {
        wrongValue("periods.fixed = 2026-08-10,2026-13-45", List.of("periods", "fixed"),
                "periods.fixed", "2026-08-10,2026-12-31", "“2026-13-45”");
    }

    @Test
    void aWrongSchedule() throws Exception {
        wrongValue("schedule.cron = every minute", List.of("schedule", "cron", "every", "minute"),
                "schedule.cron", "0 0/2 * * * ?", "“every minute”");
    }

    /** {@code status} with the one wrong line {@code setting}: the sentence quotes only {@code quoted}. */
    private void wrongValue(String setting, List<String> quoted, String... expected) throws Exception {
        Run run = status(config(setting + "\n"));
        assertOneChineseLine(run, quoted.toArray(String[]::new));
        assertThat(run.err()).contains(expected);
    }

    @Test
    void aConfigurationThatIsNotUtf8() throws Exception {
        Path config = dir.resolve("latin.properties");
        Files.write(config, new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe, '\n'});
        Run run = status(config);
        assertOneChineseLine(run);
        assertThat(run.err()).contains(config.toString(), "UTF-8");
    }

    @Test
    void aWrongAccountLineStopsTheServiceBeforeItStarts() throws Exception {
        // serve logs at INFO on the console: a register made beforehand keeps the migration's line out.
        Run made = status(config(""));
        assertThat(dir.resolve("data/register.db")).as(made.err()).isRegularFile();
        Path config = config("web.port = 18931\nweb.user.foshan = admin $2a$10$abcdefghijklmnopqrstuv\n");
        Run run = run(PROJECT, data(), config, "serve");
        assertOneChineseLine(run, "user", "foshan", "province", "city", "reader", "admin");
        assertThat(run.err()).contains("web.user.foshan", "province、city 或 reader", "“admin”", "./run.sh user add");
    }

    @Test
    void aMissingReferenceDirectorySaysWhereToRunOrWhatToCopy() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Run run = run(elsewhere, data(), config(""), "status");
        assertOneChineseLine(run, "reference", "guangdong", "cities", "shared");
        assertThat(run.err()).contains("reference/guangdong-cities.csv", "文件不存在", "shared/reference");
    }

    @Test
    void aDirectoryWhereTheRegisterShouldBe() throws Exception {
        Path data = data();
        Files.createDirectories(data.resolve("register.db"));
        Run run = run(PROJECT, data, config(""), "status");
        assertOneChineseLine(run, "register", "data");
        assertThat(run.err()).contains("登记库 " + data.resolve("register.db") + " 无法打开", "--data");
    }

    @Test
    void aFileThatIsNotARegister() throws Exception {
        Path data = data();
        Files.writeString(data.resolve("register.db"), "这不是数据库，只是一段文字。".repeat(200), StandardCharsets.UTF_8);
        Run run = run(PROJECT, data, config(""), "status");
        assertOneChineseLine(run, "register", "data");
        assertThat(run.err()).contains("登记库 " + data.resolve("register.db") + " 无法打开", "不是登记库文件");
    }

    private Run status(Path config) throws IOException, InterruptedException {
        return run(PROJECT, data(), config, "status");
    }

    private Path data() throws IOException {
        return Files.createDirectories(dir.resolve("data"));
    }

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("intake.properties"), text, StandardCharsets.UTF_8);
    }

    private Run run(Path workingDir, Path data, Path config, String command) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> line = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", productClassPath(),
                "cn.gdhrss.intake.cli.Main", command, "--data", data.toString(), "--config", config.toString()));
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(line).directory(workingDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " still running after 120 s");
        }
        String printed = Files.readString(err, StandardCharsets.UTF_8);
        return new Run(process.exitValue(), printed, printed.replace(config.toString(), "").replace(data.toString(), ""));
    }

    /**
     * The class path without the test classes: the product's logging (LogConfigurator), not the
     * tests' quieter logback-test.xml, since what it prints on the console counts.
     */
    private static String productClassPath() {
        return String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes")).toList());
    }

    /** One line, "错误：" and Chinese, and no English word but the names the sentence quotes. */
    private static void assertOneChineseLine(Run run, String... quoted) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).as(run.err()).endsWith("\n");
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("错误：").containsPattern("\\p{IsHan}{4}");
        Set<String> allowed = new TreeSet<>(List.of(quoted));
        Set<String> english = new TreeSet<>();
        Matcher words = WORD.matcher(run.bare());
        while (words.find()) {
            if (!allowed.contains(words.group().toLowerCase(Locale.ROOT))) {
                english.add(words.group());
            }
        }
        assertThat(english).as(run.err()).isEmpty();
    }
}
