package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reprocess", description = "重新处理一封邮件（例如被搁置为失败的邮件），原始邮件不变")
final class ReprocessCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "邮件编号（list 中的 id）")
    long id;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            if (!app.messages().reprocess(id, "received")) {
                spec.commandLine().getErr().println("没有编号为 " + id + " 的邮件。");
                return 1;
            }
            app.intake().processPending();
            String status = app.messages().find(id).map(message -> message.status()).orElse("?");
            spec.commandLine().getOut().println("邮件 " + id + " 已重新处理，当前状态：" + StatusNames.message(status));
            return 0;
        }
    }
}
