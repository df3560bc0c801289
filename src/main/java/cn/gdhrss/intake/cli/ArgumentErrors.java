package cn.gdhrss.intake.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Picocli's argument errors as one Chinese sentence each, ending with where to read the usage. */
final class ArgumentErrors {
    private ArgumentErrors() {}

    static String sentence(CommandLine.ParameterException exception) {
        boolean topLevel = exception.getCommandLine().getParent() == null;
        String command = exception.getCommandLine().getCommandName();
        String usage = topLevel ? "用法见 run.sh --help。" : "用法见 run.sh " + command + " --help。";
        if (exception instanceof CommandLine.MissingParameterException missing) {
            return "缺少" + missing.getMissing().stream().map(ArgumentErrors::name).collect(Collectors.joining("、")) + "；" + usage;
        }
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> unknown = unmatched.getUnmatched();
            if (topLevel && !unknown.isEmpty()) {
                return "不认识的命令“" + unknown.get(0) + "”；可用的命令见 run.sh --help。";
            }
            return "不认识的参数“" + String.join(" ", unknown) + "”；" + usage;
        }
        if (exception instanceof CommandLine.OverwrittenOptionException) {
            return "同一选项给了两次；" + usage;
        }
        ArgSpec argument = exception.getArgSpec();
        if (argument != null && exception.getValue() != null) {
            return name(argument) + " 的值“" + exception.getValue() + "”无效，应为" + expected(argument) + "；" + usage;
        }
        return "参数有误；" + usage;
    }

    private static String name(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return "选项 " + option.longestName();
        }
        return "参数 " + ((PositionalParamSpec) argument).paramLabel();
    }

    private static String expected(ArgSpec argument) {
        Class<?> type = argument.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "整数";
        }
        if (type == java.time.LocalDate.class) {
            return "“年-月-日”格式的日期，如 2026-12-31";
        }
        if (type == java.nio.file.Path.class) {
            return "文件或文件夹路径";
        }
        return "“" + argument.paramLabel() + "”";
    }
}
