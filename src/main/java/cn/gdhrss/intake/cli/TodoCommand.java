package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casework.TodoGroup;
import cn.gdhrss.intake.casework.TodoItem;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.report.CaseAttribution;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
            List<OutboxRecord> trouble = app.outbox().listTrouble(app.replySettings().warnAfter());
            // The command line's writer flushes every line: 20,000 lines would be 20,000 writes.
            PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
            LocalDate today = LocalDate.now(app.clock().withZone(CaseAttribution.BEIJING));
            int total;
            if (json || csv || all || city != null) {
                List<TodoItem> items = oneByOne(app.caseService().todo(trouble));
                total = items.size();
                if (json) {
                    out.println(Json.write(items.stream().map(TodoCommand::view).toList()));
                } else if (csv) {
                    out.print(Csv.write(List.of("类别", "案件编号", "说明"),
                            items.stream().map(item -> List.of(item.label(), item.reference(), item.detail())).toList()));
                } else {
                    total = plain(out, items.stream().map(TodoGroup::of).toList(), today);
                }
            } else {
                // Reviews due are printed only as groups: counted by SQLite, only the items printed are read (issue 12).
                total = plain(out, app.caseService().todoGrouped(trouble, GROUP_ABOVE), today);
            }
            out.flush();
            return total == 0 ? 0 : 1;
        }
    }

    /** The items, with the reviews due only of {@link #city} when it is given. */
    private List<TodoItem> oneByOne(List<TodoItem> items) {
        if (city == null) {
            return items;
        }
        String only = city.strip();
        return items.stream().filter(item -> !item.reviewDue() || item.city().equals(only)).toList();
    }

    /** Prints the groups, a heading for each kind; returns how many items they hold. */
    private static int plain(PrintWriter out, List<TodoGroup> groups, LocalDate today) {
        int total = groups.stream().mapToInt(TodoGroup::size).sum();
        if (total == 0) {
            out.println("没有待办事项。");
            return 0;
        }
        String heading = "";
        boolean grouped = false;
        for (TodoGroup group : groups) {
            TodoItem first = group.first().get(0);
            if (!first.label().equals(heading)) {
                heading = first.label();
                out.println("【" + heading + "】");
            }
            if (group.size() <= GROUP_ABOVE) {
                group.first().forEach(item -> out.println("  " + item.detail()));
            } else {
                grouped = true;
                out.println("  " + groupLine(first, group, today));
            }
        }
        out.println("共 " + total + " 项待办");
        if (grouped) {
            out.println("同一地市、同一报送期待审核的案件已合并为一行；逐件列出用 todo --all 或 todo --city 地市。");
        }
        return total;
    }

    /** 广州市，报送期 2026-12-31 截止（还有 29 天）：1234 件，如 XZY-…、XZY-…、XZY-… 等. */
    private static String groupLine(TodoItem first, TodoGroup group, LocalDate today) {
        LocalDate period = Objects.requireNonNull(first.period());
        long daysLeft = ChronoUnit.DAYS.between(today, period);
        String examples = group.first().stream().limit(GROUP_EXAMPLES).map(TodoItem::reference).collect(Collectors.joining("、"));
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
