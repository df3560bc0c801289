package cn.gdhrss.intake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run.sh help [COMMAND]}: picocli's help command, in the staff's language. */
@Command(name = "help", helpCommand = true,
        description = "显示某个命令的说明，如 run.sh help review")
final class HelpCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "命令", description = "要查看说明的命令，如 review；不写则列出全部命令")
    String command;

    @Override
    public void run() {
        CommandLine root = spec.parent().commandLine();
        CommandLine target = command == null ? root : root.getSubcommands().get(command);
        if (target == null) {
            throw new CommandError("不认识的命令“" + command + "”；可用的命令见 run.sh --help。");
        }
        target.usage(root.getOut());
    }
}
