package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.PassResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "poll", description = "立即收取一次邮箱并处理，然后打印计数（新邮件、重复、失败）")
final class PollCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            Optional<PassResult> result = app.intake().pollMailbox();
            if (result.isEmpty()) {
                spec.commandLine().getErr().println("另一个收取进程正在运行，本次跳过。");
                return 3;
            }
            Fault fault = result.get().fault();
            if (fault != null && fault != Fault.MAILBOX_DOWN) {
                spec.commandLine().getErr().println(fault.commandSentence());
                return 1;
            }
            spec.commandLine().getOut().println(PassLines.counts(result.get()));
            return result.get().isOk() ? 0 : 1;
        }
    }
}
