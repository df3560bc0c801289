package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casework.CaseService;
import cn.gdhrss.intake.register.CaseQuery;
import cn.gdhrss.intake.register.MailClassRecord;
import cn.gdhrss.intake.register.MessageLine;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository.MessageExtras;
import cn.gdhrss.intake.register.RowPipe;
import cn.gdhrss.intake.reply.MailClass;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.ArrayList;
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
                CaseQuery query = service.inputs().query(period, city, status, category, industry, text, flagged);
                if (json) {
                    CaseViews.stream(spec.commandLine().getOut(), each -> service.forEach(query, limit, each), true, false);
                } else {
                    CaseViews.streamLines(spec.commandLine().getOut(), each -> service.forEachLine(query, limit, each), csv);
                }
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

    /** Mails read a page at a time and printed as they come (issue 12: 100,000 rows not held), --json as one array. */
    private static final int PAGE = 1_000;

    private void listMessages(App app, Optional<MailClass> only) {
        if (!json) {
            printLines(app, only);
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> views = new ArrayList<>();
        int left = limit;
        long before = Long.MAX_VALUE;
        while (left > 0) {
            List<MessageRecord> page = app.messages().listBefore(before, Math.min(PAGE, left));
            if (page.isEmpty()) {
                break;
            }
            left -= page.size();
            before = page.get(page.size() - 1).id();
            Map<Long, MessageExtras> extras = app.messages().findExtras(page.stream().map(MessageRecord::id).toList());
            for (MessageRecord message : page) {
                MessageExtras extra = extras.get(message.id());
                MailClassRecord found = extra.mailClass().orElse(new MailClassRecord("", "", ""));
                if (only.isPresent() && !only.get().code().equals(found.mailClass())) {
                    continue;
                }
                Map<String, Object> view = MessageViews.summary(message, extra.attachments());
                view.put("class", found.mailClass());
                view.put("class_reasons", found.reasons());
                views.add(view);
            }
        }
        out.println(Json.write(views));
        out.flush();
    }

    /**
     * The table or --csv from one statement's light rows, printed as read through one 64 KiB buffer
     * while a {@link RowPipe} reads the next ones (issue 12: 100,000 mails); status and class labels
     * looked up once per code.
     */
    private void printLines(App app, Optional<MailClass> only) {
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
        TextTable.Streamed table = new TextTable.Streamed(out, 40, "编号", "收到时间", "发件人", "主题", "附件", "状态", "类别", "原因");
        if (csv) {
            out.print(Csv.write(HEADER, List.of()));
        }
        Map<String, String> statuses = new HashMap<>();
        Map<String, String> classes = new HashMap<>();
        StringBuilder line = new StringBuilder(256);
        RowPipe.<MessageLine>run(each -> app.messages().forEachLine(limit, each), message -> {
            if (only.isPresent() && !only.get().code().equals(message.mailClass())) {
                return;
            }
            String status = statuses.computeIfAbsent(message.status(), StatusNames::message);
            String mailClass = classes.computeIfAbsent(message.mailClass(), MailClass::labelOf);
            String reasons = message.mailClassReasons();
            if (csv) {
                line.setLength(0);
                Csv.append(line, Long.toString(message.id()), Times.local(message.receivedSecond()), message.fromAddress(),
                        message.subject(), Integer.toString(message.attachments()), status,
                        message.messageId() == null ? "" : message.messageId(), mailClass, reasons.replace("\n", "；"));
                out.append(line);
            } else {
                int end = reasons.indexOf('\n');
                table.add(message.id(), Times.local(message.receivedSecond()), message.fromAddress(), message.subject(),
                        message.attachments(), status, mailClass, end < 0 ? reasons : reasons.substring(0, end));
            }
        });
        if (!csv) {
            out.println("共 " + table.finish() + " 封");
        }
        out.flush();
    }

    private static final List<String> HEADER = List.of("编号", "收到时间", "发件人", "主题", "附件", "状态", "Message-ID", "类别", "分类原因");
}
