package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.reply.OutboxNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.OutboxRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "outbox", description = "列出外发邮件（自动回复、提醒）及其发送状态（最新在前）")
final class OutboxCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "以 JSON 数组输出")
    boolean json;

    @Option(names = "--limit", description = "最多列出多少封，默认 ${DEFAULT-VALUE}")
    int limit = 1000;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            List<OutboxRecord> rows = app.outbox().list(limit);
            if (json) {
                spec.commandLine().getOut().println(Json.write(rows.stream().map(OutboxCommand::view).toList()));
                return 0;
            }
            TextTable table = new TextTable("编号", "受理编号", "收件人", "主题", "类型", "状态", "尝试", "服务器应答");
            for (OutboxRecord row : rows) {
                table.add(row.id(), row.reference(), row.to(), row.subject(), OutboxNames.kind(row.kind()),
                        OutboxNames.state(row.state()), row.attempts(), row.lastResponse());
            }
            spec.commandLine().getOut().print(table.render(40));
            spec.commandLine().getOut().println("共 " + rows.size() + " 封");
            return 0;
        }
    }

    static Map<String, Object> view(OutboxRecord row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id());
        view.put("case_ref", row.reference());
        view.put("to", row.to());
        view.put("subject", row.subject());
        view.put("kind", row.kind());
        view.put("state", row.state());
        view.put("state_label", OutboxNames.state(row.state()));
        view.put("attempts", row.attempts());
        view.put("message_id", row.messageId());
        view.put("created_at", row.createdAt().toString());
        view.put("sent_at", row.sentAt() == null ? null : row.sentAt().toString());
        view.put("next_attempt_at", row.nextAttemptAt().toString());
        view.put("last_response", row.lastResponse());
        view.put("queue_id", row.queueId());
        return view;
    }
}
