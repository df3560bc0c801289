package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.MessageRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "列出登记的邮件（最新在前）")
final class ListCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "以 JSON 数组输出")
    boolean json;

    @Option(names = "--limit", description = "最多列出多少封，默认 ${DEFAULT-VALUE}")
    int limit = 100_000;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            List<MessageRecord> messages = app.messages().list(limit);
            if (json) {
                spec.commandLine().getOut().println(Json.write(messages.stream()
                        .map(message -> MessageViews.summary(message, app.messages().listAttachments(message.id())))
                        .toList()));
                return 0;
            }
            TextTable table = new TextTable("编号", "收到时间", "发件人", "主题", "附件", "状态");
            for (MessageRecord message : messages) {
                table.add(message.id(), Times.local(message.receivedAt()), message.fromAddress(), message.subject(),
                        app.messages().listAttachments(message.id()).size(), StatusNames.of(message.status()));
            }
            spec.commandLine().getOut().print(table.render(40));
            spec.commandLine().getOut().println("共 " + messages.size() + " 封");
            return 0;
        }
    }
}
