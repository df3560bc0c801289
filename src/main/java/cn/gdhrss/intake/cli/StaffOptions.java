package cn.gdhrss.intake.cli;

import picocli.CommandLine.Option;

/** {@code --by} and {@code --json} of the commands that change a case: who did it, and how to print the outcome. */
final class StaffOptions {
    @Option(names = "--by", description = "操作人，默认当前系统用户")
    String by = System.getProperty("user.name", "");

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;
}
