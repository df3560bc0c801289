package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casework.CaseService;
import cn.gdhrss.intake.register.MailClassRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository.MessageExtras;
import cn.gdhrss.intake.reply.MailClass;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "列出登记的邮件（最新在前）；加 --cases 列出全部案件（含没有建议书的），可按报送期、城市、状态、类别、行业、文字筛选")
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

    @Option(names = "--period", paramLabel = "DATE", description = "报送期（报送截止日），如 2026-12-31（仅 --cases）")
    @Nullable String period;

    @Option(names = "--city", description = "城市，如 广州市、省属、未确定（仅 --cases）")
    @Nullable String city;

    @Option(names = "--status", description = "案件状态，中文或代码，如 待补正、材料齐全、city_passed（仅 --cases）")
    @Nullable String status;

    @Option(names = "--category", description = "申报类别：新职业、新工种、调整变更（仅 --cases）")
    @Nullable String category;

    @Option(names = "--industry", description = "所属行业包含的文字（仅 --cases）")
    @Nullable String industry;

    @Option(names = "--text", description = "名称、备选名称、定义或申报单位包含的文字（仅 --cases）")
    @Nullable String text;

    @Option(names = "--flagged", description = "只列出标记为需核实的案件（仅 --cases）")
    boolean flagged;

    @Option(names = "--class", paramLabel = "CLASS", description = "只列出这一类邮件：submission（申报材料）、enquiry（咨询）、unrelated（无关邮件）、automatic（自动邮件）")
    @Nullable String mailClass;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandError("--limit 应为正整数，不是 " + limit + "。");
        }
        try (App app = common.openApp()) {
            if (cases) {
                CaseService service = app.caseService();
                CaseViews.print(spec.commandLine().getOut(),
                        service.list(service.inputs().query(period, city, status, category, industry, text, flagged), limit), json, csv);
                return 0;
            }
            if (period != null || city != null || status != null || category != null || industry != null || text != null || flagged) {
                throw new CommandError("--period、--city、--status、--category、--industry、--text、--flagged 只用于案件列表，请加 --cases。");
            }
            Optional<MailClass> only = mailClass == null ? Optional.empty() : MailClass.parse(mailClass);
            if (mailClass != null && only.isEmpty()) {
                throw new CommandError("类别应为 submission、enquiry、unrelated 或 automatic（申报材料、咨询、无关邮件、自动邮件），不是“" + mailClass + "”。");
            }
            listMessages(app, only);
            return 0;
        }
    }

    private void listMessages(App app, Optional<MailClass> only) {
        Map<Long, MailClassRecord> classes = new HashMap<>();
        List<MessageRecord> listed = app.messages().list(limit);
        Map<Long, MessageExtras> extras = app.messages().findExtras(listed.stream().map(MessageRecord::id).toList());
        List<MessageRecord> messages = listed.stream().filter(message -> {
            MailClassRecord found = extras.get(message.id()).mailClass().orElse(new MailClassRecord("", "", ""));
            classes.put(message.id(), found);
            return only.isEmpty() || only.get().code().equals(found.mailClass());
        }).toList();
        if (csv) {
            List<List<String>> rows = messages.stream().map(message -> List.of(Long.toString(message.id()),
                    Times.local(message.receivedAt()), message.fromAddress(), message.subject(),
                    Integer.toString(extras.get(message.id()).attachments().size()), StatusNames.message(message.status()),
                    message.messageId() == null ? "" : message.messageId(),
                    MailClass.labelOf(classes.get(message.id()).mailClass()),
                    classes.get(message.id()).reasons().replace("\n", "；"))).toList();
            spec.commandLine().getOut().print(Csv.write(List.of("编号", "收到时间", "发件人", "主题", "附件", "状态", "Message-ID", "类别", "分类原因"), rows));
        } else if (json) {
            spec.commandLine().getOut().println(Json.write(messages.stream()
                    .map(message -> {
                        Map<String, Object> view = MessageViews.summary(message, extras.get(message.id()).attachments());
                        view.put("class", classes.get(message.id()).mailClass());
                        view.put("class_reasons", classes.get(message.id()).reasons());
                        return view;
                    })
                    .toList()));
        } else {
            TextTable table = new TextTable("编号", "收到时间", "发件人", "主题", "附件", "状态", "类别", "原因");
            for (MessageRecord message : messages) {
                MailClassRecord found = classes.get(message.id());
                table.add(message.id(), Times.local(message.receivedAt()), message.fromAddress(), message.subject(),
                        extras.get(message.id()).attachments().size(), StatusNames.message(message.status()),
                        MailClass.labelOf(found.mailClass()), found.reasons().split("\n")[0]);
            }
            spec.commandLine().getOut().print(table.render(40));
            spec.commandLine().getOut().println("共 " + messages.size() + " 封");
        }
        spec.commandLine().getOut().flush();
    }
}
