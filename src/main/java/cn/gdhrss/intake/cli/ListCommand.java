package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.CaseFilter;
import cn.gdhrss.intake.register.CaseRow;
import cn.gdhrss.intake.register.MailClassRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.reply.MailClass;
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "列出登记的邮件（最新在前）；加 --cases 列出案件，可按报送期、城市、状态、类别、行业、文字筛选")
final class ListCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "以 JSON 数组输出")
    boolean json;

    @Option(names = "--csv", description = "以 CSV 输出（UTF-8 带 BOM，Excel/WPS 可直接打开）")
    boolean csv;

    @Option(names = "--limit", description = "最多列出多少条，默认 ${DEFAULT-VALUE}")
    int limit = 100_000;

    @Option(names = "--cases", description = "列出案件（每件一行）而不是邮件")
    boolean cases;

    @Option(names = "--period", paramLabel = "DATE", description = "报送期，如 2026-12-31（仅 --cases）")
    @Nullable LocalDate period;

    @Option(names = "--city", description = "城市，如 广州市、省属、未确定（仅 --cases）")
    @Nullable String city;

    @Option(names = "--status", description = "案件状态，如 received、needs_correction、complete（仅 --cases）")
    @Nullable String status;

    @Option(names = "--category", description = "申报类别：新职业、新工种、调整变更（仅 --cases）")
    @Nullable String category;

    @Option(names = "--industry", description = "所属行业包含的文字（仅 --cases）")
    @Nullable String industry;

    @Option(names = "--text", description = "名称、备选名称、定义或申报单位包含的文字（仅 --cases）")
    @Nullable String text;

    @Option(names = "--class", paramLabel = "CLASS", description = "只列出这一类邮件：submission（申报材料）、enquiry（咨询）、unrelated（无关邮件）、automatic（自动邮件）")
    @Nullable String mailClass;

    @Override
    public Integer call() {
        Optional<MailClass> only = mailClass == null ? Optional.empty() : MailClass.parse(mailClass);
        if (mailClass != null && only.isEmpty()) {
            spec.commandLine().getErr().println("类别应为 submission、enquiry、unrelated 或 automatic（申报材料、咨询、无关邮件、自动邮件），不是“" + mailClass + "”。");
            return 1;
        }
        try (App app = common.openApp()) {
            if (cases) {
                return listCases(app);
            }
            Map<Long, MailClassRecord> classes = new HashMap<>();
            List<MessageRecord> messages = app.messages().list(limit).stream().filter(message -> {
                MailClassRecord found = app.messages().findMailClass(message.id()).orElse(new MailClassRecord("", "", ""));
                classes.put(message.id(), found);
                return only.isEmpty() || only.get().code().equals(found.mailClass());
            }).toList();
            if (csv) {
                List<List<String>> rows = messages.stream().map(message -> List.of(Long.toString(message.id()),
                        message.messageId() == null ? "" : message.messageId(), message.fromAddress(), message.subject(),
                        message.receivedAt().toString(), message.status(),
                        Integer.toString(app.messages().listAttachments(message.id()).size()),
                        classes.get(message.id()).mailClass(), classes.get(message.id()).reasons().replace("\n", "；"))).toList();
                spec.commandLine().getOut().print(Csv.write(
                        List.of("id", "message_id", "from", "subject", "received_at", "status", "attachments", "class", "class_reasons"), rows));
                spec.commandLine().getOut().flush();
                return 0;
            }
            if (json) {
                spec.commandLine().getOut().println(Json.write(messages.stream().map(message -> {
                    Map<String, Object> view = MessageViews.summary(message, app.messages().listAttachments(message.id()));
                    view.put("class", classes.get(message.id()).mailClass());
                    view.put("class_reasons", classes.get(message.id()).reasons());
                    return view;
                }).toList()));
                return 0;
            }
            TextTable table = new TextTable("编号", "收到时间", "发件人", "主题", "附件", "状态", "类别", "原因");
            for (MessageRecord message : messages) {
                MailClassRecord found = classes.get(message.id());
                table.add(message.id(), Times.local(message.receivedAt()), message.fromAddress(), message.subject(),
                        app.messages().listAttachments(message.id()).size(), StatusNames.of(message.status()),
                        MailClass.labelOf(found.mailClass()), found.reasons().split("\n")[0]);
            }
            spec.commandLine().getOut().print(table.render(40));
            spec.commandLine().getOut().println("共 " + messages.size() + " 封");
            return 0;
        }
    }

    private int listCases(App app) {
        @Nullable String categoryCode = null;
        if (category != null) {
            Optional<String> code = CaseViews.categoryCode(category);
            if (code.isEmpty()) {
                spec.commandLine().getErr().println("申报类别应为 新职业、新工种 或 调整变更，不是“" + category + "”。");
                return 1;
            }
            categoryCode = code.get();
        }
        app.attribution().attributeNew();
        List<CaseRow> rows = app.reports().listCases(new CaseFilter(period, city, status, categoryCode, industry, text), limit);
        CaseViews.print(spec.commandLine().getOut(), rows, json, csv);
        return 0;
    }
}
