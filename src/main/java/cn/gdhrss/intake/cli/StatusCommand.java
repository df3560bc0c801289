package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.PassRepository.PassRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "服务状态：邮箱、最近几次收取、各状态邮件数")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            Map<String, Integer> counts = app.messages().countByStatus();
            List<PassRecord> recent = app.passes().listRecent(10);
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Integer> outbox = app.outbox().countByState();
            List<OutboxRecord> trouble = app.outbox().listTrouble(app.replySettings().warnAfter());
            if (json) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("mailbox", app.mailboxSettings().mailboxName());
                view.put("messages_by_status", counts);
                view.put("recent_passes", recent.stream().map(pass -> Map.of(
                        "mailbox", pass.mailbox(), "finished_at", pass.finishedAt().toString(),
                        "new", pass.newCount(), "duplicate", pass.duplicateCount(), "failed", pass.failedCount(),
                        "error", pass.error())).toList());
                view.put("outbox_by_state", outbox);
                view.put("outbox_needing_attention", trouble.stream().map(OutboxCommand::view).toList());
                out.println(Json.write(view));
                return 0;
            }
            out.println("邮箱：" + app.mailboxSettings().mailboxName());
            out.println("登记库：" + app.database().file());
            out.println("各状态邮件数：");
            counts.forEach((status, count) -> out.println("  " + StatusNames.message(status) + "：" + count));
            out.println("最近的收取：");
            for (PassRecord pass : recent) {
                out.println("  " + Times.local(pass.finishedAt()) + "  " + pass.mailbox() + "  新 " + pass.newCount()
                        + "，重复 " + pass.duplicateCount() + "，失败 " + pass.failedCount()
                        + (pass.isOk() ? "" : "，错误：" + pass.error()));
            }
            out.println("外发邮件（" + app.outboxSender().describe() + "）：" + outbox);
            for (OutboxRecord row : trouble) {
                out.println("  需处理：外发编号 " + row.id() + " " + row.reference() + " 发往 " + row.to() + "，状态 " + row.state()
                        + "，已尝试 " + row.attempts() + " 次：" + row.lastResponse());
            }
            return 0;
        }
    }
}
