package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.reply.OutboxNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.OutboxRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "resend", description = "重发一封外发邮件（同一 Message-ID）：用于发送失败或不确定是否送达的回复；已发送的须加 --force")
final class ResendCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "外发邮件编号（outbox 中的编号）")
    long id;

    @Option(names = "--force", description = "邮件已发送成功时仍再发一次")
    boolean force;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            OutboxRecord now = app.mailDesk().resend(id, force);
            return Done.print(spec.commandLine().getOut(), json, "外发邮件 " + id + " 已重新排队，当前状态：" + OutboxNames.state(now.state())
                    + (now.lastResponse().isEmpty() ? "" : "（" + now.lastResponse() + "）") + "。", OutboxCommand.view(now));
        }
    }
}
