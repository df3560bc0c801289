package cn.gdhrss.intake.web;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.casework.CaseService;
import cn.gdhrss.intake.casework.CaseWorkException;
import cn.gdhrss.intake.casework.MailDesk;
import cn.gdhrss.intake.casework.TodoItem;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.intake.FaultWatch;
import cn.gdhrss.intake.intake.ServiceHealth;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.CaseQuery;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.reply.MailClass;
import cn.gdhrss.intake.report.CaseAttribution;
import cn.gdhrss.intake.report.CityDecision;
import cn.gdhrss.intake.report.DueSummaries;
import cn.gdhrss.intake.report.SummaryFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The office's pages around the cases: the front page (the current period by city, state and
 * category, days to the deadline, the mailbox's health), the work queue ({@code todo} with each
 * item's action at hand), the summaries of each period, and the mail that is no case.
 */
final class OfficePages {
    private final App app;
    private final ConsoleServer server;
    private final CaseService service;

    OfficePages(App app, ConsoleServer server) {
        this.app = app;
        this.server = server;
        this.service = app.caseService();
    }

    void routes(RoutesConfig routes) {
        routes.get("/", this::dashboard);
        routes.get("/queue", this::queue);
        routes.get("/summaries", this::summaries);
        routes.post("/summaries/{period}/generate", this::generate);
        routes.get("/summaries/{period}/files/{index}", this::summaryFile);
        routes.get("/mail", this::mail);
        routes.get("/mail/{id}/raw", this::raw);
        routes.post("/mail/{id}/reprocess", this::reprocess);
        routes.post("/mail/{id}/classify", this::classify);
    }

    private LocalDate today() {
        return LocalDate.now(app.clock().withZone(CaseAttribution.BEIJING));
    }

    // ---------------------------------------------------------------- front page

    private void dashboard(Context ctx) throws IOException {
        Account account = ConsoleServer.account(ctx);
        LocalDate period = app.periods().periodOf(today());
        List<CaseListing> rows = service.list(new CaseQuery(period, account.isCity() ? account.city() : null, null, null, null, null, false),
                100_000).stream().filter(account::canSee).toList();
        Map<String, Integer> byCity = new LinkedHashMap<>();
        app.cityResolver().cities().forEach(city -> byCity.put(city, 0));
        rows.forEach(row -> byCity.merge(row.city().isEmpty() ? CityDecision.UNDECIDED : row.city(), 1, Integer::sum));
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (CaseState state : CaseState.values()) {
            byState.put(state.label(), (int) rows.stream().filter(row -> row.status().equals(state.code())).count());
        }
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category.label(), (int) rows.stream().filter(row -> row.category().equals(category.code())).count());
        }
        byCategory.put(Views.NO_PROPOSAL, (int) rows.stream().filter(row -> !row.hasProposal()).count());
        Map<String, Object> charts = Views.of(
                "city", account.isCity() ? "" : BarChart.svg("各地市案件数", byCity),
                "state", BarChart.svg("各状态案件数", byState),
                "category", BarChart.svg("各申报类别案件数", byCategory));
        server.render(ctx, "dashboard", "dashboard", Views.of("period", period.toString(), "daysLeft", ChronoUnit.DAYS.between(today(), period),
                "total", rows.size(), "charts", charts, "cityCounts", byCity, "health", health(),
                "todo", todo(account).size()));
    }

    /** What the service is waiting out (disk full, register locked, mailbox down), as {@code status} says it. */
    private List<String> faults() {
        List<String> faults = new ArrayList<>();
        FaultWatch.read(app.dataDir()).forEach((fault, since) -> faults.add(fault.sentence() + "（自 " + Views.time(since) + " 起）"));
        return faults;
    }

    private Map<String, Object> health() throws IOException {
        Instant now = app.clock().instant();
        ServiceHealth health = ServiceHealth.read(app.dataDir(), app.mailboxSettings().mailboxName(), app.passes(), app.messages(),
                app.outbox(), app.replySettings().warnAfter(), now);
        List<Map<String, Object>> boxes = new ArrayList<>();
        health.lastSuccess().forEach((mailbox, at) -> boxes.add(Views.of("mailbox", ServiceHealth.mailboxLabel(mailbox), "lastSuccess",
                at == null ? "从未成功收取" : "最近一次成功收取：" + Views.time(at))));
        return Views.of("running", health.running(),
                "service", health.running() ? "运行中（最近心跳 " + Views.time(health.beat().orElseThrow().beatAt()) + "）"
                        : health.beat().map(beat -> "未运行（最近心跳 " + Views.time(beat.beatAt()) + "）").orElse("未运行（没有服务心跳）"),
                "mailboxes", boxes, "faults", faults(), "failedPasses", health.failedPassesInRow(), "lastError", health.lastPassError(),
                "backlog", health.backlog(), "failedMessages", health.failedMessages(), "outboxWaiting", health.outboxWaiting(),
                "outboxTrouble", health.outboxTrouble(),
                "disk", String.format(Locale.ROOT, "%.1f GB（共 %.1f GB）", health.freeBytes() / (double) (1L << 30),
                        health.totalBytes() / (double) (1L << 30)),
                "diskLow", health.freeBytes() < (1L << 30));
    }

    // ---------------------------------------------------------------- work queue

    private List<TodoItem> todo(Account account) {
        List<TodoItem> items = service.todo(app.outbox().listTrouble(app.replySettings().warnAfter()));
        if (!account.isCity()) {
            return items;
        }
        return items.stream().filter(item -> !item.reference().isEmpty()
                && service.find(item.reference()).filter(account::canSee).isPresent()).toList();
    }

    private void queue(Context ctx) {
        Account account = ConsoleServer.account(ctx);
        List<Map<String, Object>> items = todo(account).stream().map(item -> Views.of("kind", item.kind(), "label", item.label(),
                "reference", item.reference(), "detail", item.inConsoleWords(), "outboxId", item.outboxId() == null ? "" : item.outboxId())).toList();
        server.render(ctx, "queue", "queue", Views.of("items", items,
                "can", Views.of("work", account.canWork(), "province", account.isProvince())));
    }

    // ---------------------------------------------------------------- summaries

    private LocalDate period(Context ctx) {
        try {
            return service.inputs().period(ctx.pathParam("period"));
        } catch (CaseWorkException e) {
            throw WebRefusal.notFound();
        }
    }

    private void summaries(Context ctx) throws IOException {
        Account account = ConsoleServer.account(ctx);
        List<Map<String, Object>> periods = new ArrayList<>();
        for (DueSummaries.PeriodState state : app.dueSummaries().listStates()) {
            List<Map<String, Object>> files = new ArrayList<>();
            for (int i = 0; i < state.files().size(); i++) {
                String name = state.files().get(i).getFileName().toString();
                if (mayDownload(account, name)) {
                    files.add(Views.of("index", i, "name", name, "size", Files.size(state.files().get(i))));
                }
            }
            periods.add(Views.of("period", state.period().toString(), "hasCases", state.hasCases(), "written", state.written(),
                    "stale", state.stale(), "files", files));
        }
        server.render(ctx, "summaries", "summaries", Views.of("periods", periods, "can", Views.of("province", account.isProvince())));
    }

    /** City staff download their city's summaries only; the others every file. */
    private static boolean mayDownload(Account account, String fileName) {
        return !account.isCity() || fileName.contains("（" + account.city() + "）");
    }

    private void generate(Context ctx) throws IOException {
        if (!ConsoleServer.account(ctx).isProvince()) {
            throw WebRefusal.forbidden();
        }
        LocalDate period = period(ctx);
        SummaryFiles files = app.dueSummaries().writeNow(period);
        server.done(ctx, "/summaries", "报送期 " + period + " 的汇总表已生成，共 " + files.files().size() + " 个文件。"
                + String.join(" ", files.notes()));
    }

    private void summaryFile(Context ctx) throws IOException {
        Account account = ConsoleServer.account(ctx);
        List<Path> files = app.dueSummaries().filesOf(period(ctx));
        int index = CasePages.parseInt(ctx.pathParam("index"), -1);
        if (index < 0 || index >= files.size() || !mayDownload(account, files.get(index).getFileName().toString())) {
            throw WebRefusal.notFound();
        }
        Path file = files.get(index);
        String name = file.getFileName().toString();
        Downloads.bytes(ctx, Files.readAllBytes(file), name, name.endsWith(".xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    // ---------------------------------------------------------------- mail that is no case

    private void requireProvince(Context ctx) {
        if (!ConsoleServer.account(ctx).isProvince()) {
            throw WebRefusal.forbidden();
        }
    }

    private void mail(Context ctx) {
        requireProvince(ctx);
        List<Map<String, Object>> rows = app.mailDesk().listLoose(1000).stream().map(loose -> Views.of("id", loose.message().id(),
                "at", Views.time(loose.message().receivedAt()), "from", loose.message().fromAddress(), "subject", loose.message().subject(),
                "classLabel", loose.classLabel(), "reason", loose.reason(), "byStaff", loose.mailClass().isByStaff())).toList();
        server.render(ctx, "mail", "mail", Views.of("rows", rows, "classes", MailDesk.STAFF_CLASSES.stream()
                .map(mailClass -> Views.of("code", mailClass.code(), "label", mailClass.label())).toList()));
    }

    private MessageRecord message(Context ctx) {
        return app.messages().find(CasePages.parseLong(ctx.pathParam("id"))).orElseThrow(WebRefusal::notFound);
    }

    private void raw(Context ctx) throws IOException {
        requireProvince(ctx);
        MessageRecord message = message(ctx);
        Path file = app.archive().resolve(message.rawPath());
        Downloads.bytes(ctx, Files.readAllBytes(file), "邮件-" + message.id() + ".eml", "message/rfc822");
    }

    private void reprocess(Context ctx) {
        requireProvince(ctx);
        MessageRecord message = message(ctx);
        MessageRecord after = app.mailDesk().reprocess(message.id(), false);
        List<String> cases = app.mailDesk().casesOf(message.id());
        server.done(ctx, "/mail", "邮件 " + message.id() + " 已重新处理，当前状态：" + after.status()
                + (cases.isEmpty() ? "" : "，案件 " + String.join("、", cases)) + (after.statusReason().isEmpty() ? "" : "；" + after.statusReason()) + "。");
    }

    private void classify(Context ctx) {
        requireProvince(ctx);
        MessageRecord message = message(ctx);
        MailClass mailClass;
        try {
            mailClass = MailDesk.staffClass(Optional.ofNullable(ctx.formParam("class")).orElse(""));
        } catch (CaseWorkException e) {
            server.done(ctx, "/mail", "未办理：" + e.inConsoleWords());
            return;
        }
        MailDesk.Classified classified = app.mailDesk().classify(message.id(), mailClass, ConsoleServer.account(ctx).actor());
        List<String> cases = app.mailDesk().casesOf(message.id());
        server.done(ctx, "/mail", "邮件 " + message.id() + " 已归为“" + mailClass.label() + "”"
                + (cases.isEmpty() ? "" : "，案件 " + String.join("、", cases))
                + (classified.caseChanges().isEmpty() ? "" : "（" + String.join("；", classified.caseChanges()) + "）") + "。");
    }
}
