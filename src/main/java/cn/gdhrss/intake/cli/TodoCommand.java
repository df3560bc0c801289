package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casework.TodoItem;
import cn.gdhrss.intake.report.CaseAttribution;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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

    @Option(names = "--all", description = "逐件列出报送期截止前待初审、待论证的案件（默认同一地市、同一报送期超过 "
            + GROUP_ABOVE + " 件时合并为一行）")
    boolean all;

    @Option(names = "--city", paramLabel = "地市", description = "待初审、待论证的案件只列该地市的，逐件列出")
    @Nullable String city;

    /**
     * Reviews due of one city and period beyond this many are one line in plain output: thousands of
     * "待地市初审" lines hide the few items that need someone now (issue 12).
     */
    static final int GROUP_ABOVE = 5;

    /** References named on a grouped line. */
    private static final int GROUP_EXAMPLES = 3;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            List<TodoItem> items = app.caseService().todo(app.outbox().listTrouble(app.replySettings().warnAfter()));
            if (city != null) {
                String only = city.strip();
                items = items.stream().filter(item -> !item.reviewDue() || item.city().equals(only)).toList();
            }
            // The command line's writer flushes every line: 20,000 lines would be 20,000 writes.
            PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
            if (json) {
                out.println(Json.write(items.stream().map(TodoCommand::view).toList()));
            } else if (csv) {
                out.print(Csv.write(List.of("类别", "案件编号", "说明"),
                        items.stream().map(item -> List.of(item.label(), item.reference(), item.detail())).toList()));
            } else {
                plain(out, items, all || city != null, LocalDate.now(app.clock().withZone(CaseAttribution.BEIJING)));
            }
            out.flush();
            return items.isEmpty() ? 0 : 1;
        }
    }

    private static void plain(PrintWriter out, List<TodoItem> items, boolean oneByOne, LocalDate today) {
        if (items.isEmpty()) {
            out.println("没有待办事项。");
            return;
        }
        // Items come grouped by kind; reviews due are further gathered by city and period, in order of first appearance.
        Map<String, List<TodoItem>> groups = new LinkedHashMap<>();
        for (TodoItem item : items) {
            String key = item.reviewDue() && !oneByOne ? item.kind() + "\n" + item.city() + "\n" + item.period() : item.kind() + "\n" + groups.size();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        String heading = "";
        boolean grouped = false;
        for (List<TodoItem> group : groups.values()) {
            TodoItem first = group.get(0);
            if (!first.label().equals(heading)) {
                heading = first.label();
                out.println("【" + heading + "】");
            }
            if (group.size() <= GROUP_ABOVE) {
                group.forEach(item -> out.println("  " + item.detail()));
            } else {
                grouped = true;
                out.println("  " + groupLine(first, group, today));
            }
        }
        out.println("共 " + items.size() + " 项待办");
        if (grouped) {
            out.println("同一地市、同一报送期待审核的案件已合并为一行；逐件列出用 todo --all 或 todo --city 地市。");
        }
    }

    /** 广州市，报送期 2026-12-31 截止（还有 29 天）：1234 件，如 XZY-…、XZY-…、XZY-… 等. */
    private static String groupLine(TodoItem first, List<TodoItem> group, LocalDate today) {
        LocalDate period = Objects.requireNonNull(first.period());
        long daysLeft = ChronoUnit.DAYS.between(today, period);
        String examples = group.stream().limit(GROUP_EXAMPLES).map(TodoItem::reference).collect(Collectors.joining("、"));
        return (first.city().isEmpty() ? "（地市未定）" : first.city()) + "，报送期 " + period + " 截止（还有 " + daysLeft + " 天）："
                + group.size() + " 件，如 " + examples + " 等（todo --city " + first.city() + " 逐件列出）";
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
