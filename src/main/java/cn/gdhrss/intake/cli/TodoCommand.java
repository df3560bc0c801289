package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casework.TodoItem;
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

@Command(name = "todo", description = "待办：发送失败或不确定的回复、需核实的案件、逾期未补正、同名申报、报送期截止前待初审或待论证的案件；有待办时退出码为 1")
final class TodoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "以 JSON 数组输出")
    boolean json;

    @Option(names = "--csv", description = "以 CSV 输出（UTF-8 带 BOM）")
    boolean csv;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            List<TodoItem> items = app.caseService().todo(app.outbox().listTrouble(app.replySettings().warnAfter()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(items.stream().map(TodoCommand::view).toList()));
            } else if (csv) {
                out.print(Csv.write(List.of("类别", "案件编号", "说明"),
                        items.stream().map(item -> List.of(item.label(), item.reference(), item.detail())).toList()));
            } else {
                plain(out, items);
            }
            out.flush();
            return items.isEmpty() ? 0 : 1;
        }
    }

    private static void plain(PrintWriter out, List<TodoItem> items) {
        if (items.isEmpty()) {
            out.println("没有待办事项。");
            return;
        }
        String heading = "";
        for (TodoItem item : items) {
            if (!item.label().equals(heading)) {
                heading = item.label();
                out.println("【" + heading + "】");
            }
            out.println("  " + item.detail());
        }
        out.println("共 " + items.size() + " 项待办");
    }

    private static Map<String, Object> view(TodoItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", item.kind());
        view.put("label", item.label());
        view.put("reference", item.reference());
        view.put("detail", item.detail());
        view.put("outbox_id", item.outboxId());
        return view;
    }
}
