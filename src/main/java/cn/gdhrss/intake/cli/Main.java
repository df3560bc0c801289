package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.CaseWorkException;
import cn.gdhrss.intake.config.FileReason;
import cn.gdhrss.intake.intake.Fault;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code run.sh}: the service and the staff's commands. Without a command it runs the service. */
@Command(
        name = "run.sh",
        mixinStandardHelpOptions = true,
        resourceBundle = "cn.gdhrss.intake.cli.Messages",
        description = "广东省新职业征集邮件受理服务")
public final class Main implements Runnable {
    /** The commands, in the order the root's help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            ServeCommand.class,
            PollCommand.class,
            ImportCommand.class,
            ListCommand.class,
            ShowCommand.class,
            ReprocessCommand.class,
            ClassifyCommand.class,
            StatusCommand.class,
            ParseCommand.class,
            SearchCommand.class,
            AssignCommand.class,
            ReviewCommand.class,
            MergeCommand.class,
            NoteCommand.class,
            PaperCommand.class,
            ReplyCommand.class,
            WithdrawCommand.class,
            TodoCommand.class,
            SummaryCommand.class,
            UserCommand.class,
            OutboxCommand.class,
            ResendCommand.class,
            HelpCommand.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        configureLogging(args);
        String[] arguments = args.length == 0 ? new String[] {"serve"} : args;
        return commandLine(arguments[0]).execute(arguments);
    }

    /** The command line with every command and UTF-8 output whatever the platform's default charset is. */
    static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * {@link #commandLine()}, with only the command named {@code first} when it names one other
     * than {@code help}: picocli reads the options of every command it is given, which was a
     * quarter of a query command's start-up (issue 12). The root's help, {@code help} and anything
     * else that is not a command name get every command.
     */
    static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new Main());
        List<Class<?>> named = COMMANDS.stream().filter(command -> !command.equals(HelpCommand.class)
                && command.getAnnotation(Command.class).name().equals(first)).toList();
        (named.isEmpty() ? COMMANDS : named).forEach(command -> commandLine.addSubcommand(command));
        commandLine.getSubcommands().values().forEach(Main::offerHelp);
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof CommandError || exception instanceof CaseWorkException) {
                line.getErr().println(exception.getMessage());
                return 1;
            }
            Optional<Fault> fault = Fault.of(exception);
            if (fault.isPresent()) {
                // An expected fault of the machine, not a bug: one sentence, no stack trace.
                line.getErr().println(fault.get().commandSentence());
                return 1;
            }
            line.getErr().println("错误：" + sentence(exception));
            // The sentence above drops the JDK's and the driver's English; the log file keeps it
            // (LogConfigurator sends this logger to the file only, so stderr stays one line, serve included).
            org.slf4j.LoggerFactory.getLogger("cn.gdhrss.intake.cli.CommandFailure").info("Command failed", exception);
            return 2;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            exception.getCommandLine().getErr().println(ArgumentErrors.sentence(exception));
            return 1;
        });
        return commandLine;
    }

    /** A file the command was given or needs: the JDK's message is only the path, its reason English. */
    private static String sentence(Exception exception) {
        if (exception instanceof java.nio.file.FileSystemException system && system.getFile() != null) {
            return "文件 " + system.getFile() + " 无法读写（" + FileReason.of(system) + "），请检查路径和权限。";
        }
        return exception.getMessage();
    }

    /** Every command answers {@code -h}/{@code --help}: staff try it before reading the README. */
    private static void offerHelp(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("显示本命令的说明并退出。").build());
        }
    }

    /** Logback reads these when it starts, which is at the first logger: before any command runs. */
    private static void configureLogging(String... args) {
        String dataDir = "var";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                dataDir = args[i + 1];
            } else if (args[i].startsWith("--data=")) {
                dataDir = args[i].substring("--data=".length());
            }
        }
        System.setProperty("intake.logdir", java.nio.file.Path.of(dataDir, "logs").toString());
        boolean serving = args.length == 0 || args[0].equals("serve");
        System.setProperty("intake.console.level", serving ? "INFO" : "WARN");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
