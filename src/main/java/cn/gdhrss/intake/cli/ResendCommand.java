package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "resend", description = "把一封外发邮件重新排队发送（例如发送失败或待核实的回复），然后立即尝试发送")
final class ResendCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "外发邮件编号（outbox 中的编号）")
    long id;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            if (!app.outbox().requeue(id)) {
                spec.commandLine().getErr().println("没有编号为 " + id + " 的外发邮件，或它正在发送中。");
                return 1;
            }
            app.outboxSender().sendDue();
            String state = app.outbox().find(id).map(row -> row.state() + " " + row.lastResponse()).orElse("?");
            spec.commandLine().getOut().println("外发邮件 " + id + " 已重新排队，当前状态：" + state);
            return 0;
        }
    }
}
