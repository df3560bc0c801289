package cn.gdhrss.intake.web;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.casework.CaseService;
import cn.gdhrss.intake.casework.CaseSheet;
import cn.gdhrss.intake.casework.CaseWorkException;
import cn.gdhrss.intake.casework.ProposalFields;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.CaseQuery;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.reply.OutboxNames;
import cn.gdhrss.intake.reply.ReplyComposer;
import cn.gdhrss.intake.report.CityDecision;
import cn.gdhrss.intake.report.RegisterWorkbookWriter;
import cn.gdhrss.intake.report.ReviewOutcomes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The register (filters and search of {@code list --cases} and {@code search}, sorting, pages,
 * export of the current view), the case page ({@code show}: 附件1 order with findings beside their
 * box, versions, files with previews, letters as a thread, notes, reviews, audit) and the files.
 * A city user's view is their city's cases; any other case or file is 404, whatever the id.
 */
final class CasePages {
    private static final int MAX_ROWS = 100_000;
    static final List<String> HEADER =
            List.of("编号", "收到时间", "城市", "报送期", "申报类别", "职业（工种）名称", "申报单位", "状态", "未补正错误", "审核");
    private static final Map<String, Comparator<CaseListing>> SORTS = Map.of(
            "reference", Comparator.comparing(CaseListing::reference),
            "received", Comparator.comparing(CaseListing::receivedAt),
            "city", Comparator.comparing(CaseListing::city),
            "period", Comparator.comparing(row -> row.period() == null ? LocalDate.MIN : row.period()),
            "name", Comparator.comparing(CaseListing::name),
            "applicant", Comparator.comparing(CaseListing::applicant),
            "status", Comparator.comparing(CaseListing::status),
            "errors", Comparator.comparingInt(CaseListing::openErrors));

    private final App app;
    private final ConsoleServer server;
    private final CaseService service;
    private final int pageSize;

    CasePages(App app, ConsoleServer server) {
        this.app = app;
        this.server = server;
        this.service = app.caseService();
        this.pageSize = app.webSettings().pageSize();
    }

    void routes(RoutesConfig routes) {
        routes.get("/cases", this::register);
        routes.get("/cases/export.xlsx", this::export);
        routes.get("/cases/{reference}", this::casePage);
        routes.get("/files/{message}/{seq}", ctx -> file(ctx, false));
        routes.get("/files/{message}/{seq}/preview", ctx -> file(ctx, true));
    }

    // ---------------------------------------------------------------- register

    /** The rows of the register as the request's filters, search and sort select them, for {@code account}. */
    List<CaseListing> select(Context ctx, Account account) {
        String city = account.isCity() ? account.city() : ctx.queryParam("city");
        CaseQuery query = service.inputs().query(ctx.queryParam("period"), city, ctx.queryParam("status"), ctx.queryParam("category"),
                ctx.queryParam("industry"), ctx.queryParam("text"), "1".equals(ctx.queryParam("flagged")));
        String words = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        List<CaseListing> rows = words.isEmpty() ? service.list(query, MAX_ROWS)
                : service.search(words, MAX_ROWS).stream().filter(row -> matches(query, row)).toList();
        List<CaseListing> visible = new ArrayList<>(rows.stream().filter(account::canSee).toList());
        String sort = Optional.ofNullable(ctx.queryParam("sort")).orElse("");
        Comparator<CaseListing> order = SORTS.get(sort);
        if (order != null) {
            visible.sort("desc".equals(ctx.queryParam("dir")) ? order.reversed() : order);
        }
        return visible;
    }

    /** The filters of {@code query} on a search hit (search itself knows only its words). */
    private static boolean matches(CaseQuery query, CaseListing row) {
        return (query.period() == null || query.period().equals(row.period()))
                && (query.city() == null || query.city().equals(row.city()) || CityDecision.UNDECIDED.equals(query.city()) && row.city().isEmpty())
                && (query.status() == null || query.status().equals(row.status()))
                && (query.category() == null || query.category().equals(row.category()))
                && (query.industry() == null || row.industry().contains(query.industry()))
                && (!query.flaggedOnly() || row.flagged());
    }

    private void register(Context ctx) {
        Account account = ConsoleServer.account(ctx);
        List<CaseListing> rows;
        String error = "";
        try {
            rows = select(ctx, account);
        } catch (CaseWorkException e) {
            rows = List.of();
            error = e.getMessage();
        }
        int pages = Math.max(1, (rows.size() + pageSize - 1) / pageSize);
        int page = Math.min(pages, Math.max(1, parseInt(ctx.queryParam("page"), 1)));
        List<Map<String, Object>> shown = rows.subList((page - 1) * pageSize, Math.min(rows.size(), page * pageSize)).stream()
                .map(Views::row).toList();
        server.render(ctx, "register", "register", Views.of("rows", shown, "total", rows.size(), "page", page, "pages", pages,
                "error", error, "filters", filters(ctx, account), "query", queryWithout(ctx, "page"),
                "sortQuery", queryWithout(ctx, "sort", "dir", "page"), "sort", Optional.ofNullable(ctx.queryParam("sort")).orElse(""),
                "dir", Optional.ofNullable(ctx.queryParam("dir")).orElse(""), "options", options(account)));
    }

    private Map<String, Object> filters(Context ctx, Account account) {
        Function<String, String> value = name -> Optional.ofNullable(ctx.queryParam(name)).orElse("");
        return Views.of("q", value.apply("q"), "period", value.apply("period"), "city", account.isCity() ? account.city() : value.apply("city"),
                "status", value.apply("status"), "category", value.apply("category"), "industry", value.apply("industry"),
                "text", value.apply("text"), "flagged", "1".equals(ctx.queryParam("flagged")));
    }

    /** The choices of the filter boxes: cities, states, categories, periods. */
    Map<String, Object> options(Account account) {
        List<String> cities = new ArrayList<>(app.cityResolver().cities());
        cities.add(CityDecision.PROVINCIAL);
        cities.add(CityDecision.UNDECIDED);
        LocalDate today = LocalDate.now(app.clock().withZone(cn.gdhrss.intake.report.CaseAttribution.BEIJING));
        List<String> periods = app.periods().deadlinesBetween(today.minusYears(1), today.plusYears(1)).stream().map(LocalDate::toString).toList();
        return Views.of("cities", account.isCity() ? List.of(account.city()) : cities,
                "assignCities", cities.subList(0, cities.size() - 1),
                "states", java.util.Arrays.stream(CaseState.values()).map(state -> Views.of("code", state.code(), "label", state.label())).toList(),
                "categories", java.util.Arrays.stream(Category.values()).map(category -> Views.of("code", category.code(), "label", category.label())).toList(),
                "periods", periods);
    }

    /** The request's query string without {@code names}, ready to be followed by "&amp;name=…". */
    private static String queryWithout(Context ctx, String... names) {
        List<String> dropped = List.of(names);
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!dropped.contains(name)) {
                values.forEach(value -> query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value)));
            }
        });
        return query.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static int parseInt(@Nullable String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void export(Context ctx) throws IOException {
        Account account = ConsoleServer.account(ctx);
        List<List<String>> rows = select(ctx, account).stream().map(row -> List.of(row.reference(), Views.time(row.receivedAt()),
                row.city(), row.period() == null ? "" : row.period().toString(), Views.categoryLabel(row.category()), Views.nameOf(row),
                row.applicant(), CaseState.labelOf(row.status()), Integer.toString(row.openErrors()), Views.reviews(row.reviews()))).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RegisterWorkbookWriter().write("登记簿", HEADER, rows, out);
        Downloads.bytes(ctx, out.toByteArray(), "新职业申报登记簿" + (account.isCity() ? "（" + account.city() + "）" : "") + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    // ---------------------------------------------------------------- the case page

    /** The case {@code reference} if {@code account} may see it; otherwise, and when there is none, 404. */
    CaseListing visibleCase(Account account, String reference) {
        return service.find(reference).filter(account::canSee).orElseThrow(WebRefusal::notFound);
    }

    private void casePage(Context ctx) {
        Account account = ConsoleServer.account(ctx);
        CaseListing listing = visibleCase(account, ctx.pathParam("reference"));
        CaseSheet sheet = service.show(listing.reference());
        server.render(ctx, "case", "register", Views.of(
                "case", caseView(listing, sheet),
                "fields", fields(sheet),
                "looseFindings", (sheet.proposal() == null ? sheet.findings() : ProposalFields.unplaced(sheet.findings())).stream()
                        .map(CasePages::finding).toList(),
                "versions", sheet.versions().stream().map(CasePages::version).toList(),
                "attachments", sheet.attachments().stream().map(CasePages::attachment).toList(),
                "thread", thread(sheet),
                "notes", sheet.notes().stream().map(note -> Views.of("at", Views.time(note.at()), "by", note.actor(), "text", note.detail())).toList(),
                "reviews", listing.reviews().stream().map(review -> Views.of("at", Views.time(review.reviewedAt()), "label",
                        ReviewOutcomes.describe(review), "note", review.note(), "by", review.reviewedBy())).toList(),
                "audit", sheet.audit().stream().map(line -> Views.of("at", Views.time(line.at()), "by", line.actor(), "text", line.detail())).toList(),
                "events", sheet.events().stream().map(event -> Views.of("at", Views.time(event.at()), "text", event.detail())).toList(),
                "options", options(account),
                "letterKinds", ReplyComposer.LETTER_KINDS,
                "can", Views.of("work", account.canWork(), "province", account.isProvince())));
    }

    private static Map<String, Object> caseView(CaseListing row, CaseSheet sheet) {
        Map<String, Object> view = Views.row(row);
        view.put("openWarnings", row.openWarnings());
        view.put("sender", row.sender());
        view.put("citySource", row.citySource().isEmpty() ? "" : cn.gdhrss.intake.casework.StatusNames.placeSource(row.citySource()));
        view.put("periodSource", row.periodSource().isEmpty() ? "" : cn.gdhrss.intake.casework.StatusNames.placeSource(row.periodSource()));
        view.put("paper", row.paperReceived() == null ? "" : row.paperReceived().toString());
        view.put("mergedInto", row.mergedInto() == null ? "" : row.mergedInto());
        view.put("mergedFrom", String.join("、", sheet.mergedFrom()));
        view.put("hasProposal", sheet.proposal() != null);
        return view;
    }

    private static List<Map<String, Object>> fields(CaseSheet sheet) {
        if (sheet.proposal() == null) {
            return List.of();
        }
        return ProposalFields.fill(sheet.proposal()).stream().map(field -> Views.of("label", field.label(), "text", field.text(),
                "findings", field.findings().stream().map(CasePages::finding).toList())).toList();
    }

    private static Map<String, Object> finding(Finding finding) {
        return Views.of("error", finding.isError(), "severity", finding.isError() ? "错误" : "提示", "message", finding.message());
    }

    private static Map<String, Object> version(CaseSheet.Version version) {
        String changes = version.version() == 1 ? "首次提交" : !version.hasProposal() ? "未附建议书"
                : version.changes().isEmpty() ? "建议书内容未变" : "改动：" + String.join("、", version.changes());
        return Views.of("number", version.version(), "at", Views.time(version.receivedAt()), "message", version.messageId(),
                "from", version.from(), "subject", version.subject(), "errors", version.errors(), "warnings", version.warnings(),
                "changes", changes, "changed", version.changes());
    }

    private static Map<String, Object> attachment(CaseSheet.FiledAttachment filed) {
        AttachmentRecord file = filed.attachment();
        String type = file.detectedType();
        boolean stored = file.sha256() != null;
        String preview = !stored ? "" : Downloads.INLINE_IMAGES.contains(type) ? "image" : Downloads.INLINE_VIDEOS.contains(type) ? "video"
                : Downloads.PDF.equals(type) ? "pdf" : "";
        Map<String, Object> described = cn.gdhrss.intake.reply.AttachmentText.modelOf(file);
        return Views.of("version", filed.version(), "message", filed.messageId(), "seq", file.seq(), "name", file.name(),
                "type", type, "kind", described.get("kind"), "size", described.get("size"), "problem", described.get("problem"),
                "stored", stored, "preview", preview, "url", file.url() == null ? "" : file.url(), "duration", described.get("duration"));
    }

    /** Mail received (each version) and sent (each outbox row) as one thread, oldest first. */
    private List<Map<String, Object>> thread(CaseSheet sheet) {
        record Letter(java.time.Instant at, Map<String, Object> view) {}
        List<Letter> letters = new ArrayList<>();
        for (CaseSheet.Version version : sheet.versions()) {
            MessageRecord message = app.messages().find(version.messageId()).orElse(null);
            letters.add(new Letter(version.receivedAt(), Views.of("incoming", true, "at", Views.time(version.receivedAt()),
                    "who", version.from(), "subject", version.subject(), "body", message == null ? "" : bounded(message.bodyText()),
                    "state", "第" + version.version() + "版", "id", version.messageId())));
        }
        for (OutboxRecord reply : sheet.replies()) {
            letters.add(new Letter(reply.createdAt(), Views.of("incoming", false, "at", Views.time(reply.createdAt()), "who", reply.to(),
                    "subject", reply.subject(), "body", bounded(reply.bodyText()), "kind", OutboxNames.kind(reply.kind()),
                    "state", OutboxNames.state(reply.state()), "id", reply.id(), "response", reply.lastResponse())));
        }
        letters.sort(Comparator.comparing(Letter::at));
        return letters.stream().map(Letter::view).toList();
    }

    private static String bounded(String text) {
        return text.length() > 20_000 ? text.substring(0, 20_000) + "…" : text;
    }

    // ---------------------------------------------------------------- files, by register id only

    private void file(Context ctx, boolean preview) throws IOException {
        Account account = ConsoleServer.account(ctx);
        long messageId = parseLong(ctx.pathParam("message"));
        int seq = parseInt(ctx.pathParam("seq"), -1);
        if (!mayOpenMessage(account, messageId)) {
            throw WebRefusal.notFound();
        }
        AttachmentRecord file = app.messages().listAttachments(messageId).stream().filter(one -> one.seq() == seq && one.sha256() != null)
                .findFirst().orElseThrow(WebRefusal::notFound);
        java.nio.file.Path bytes = app.fileStore().pathOf(file.sha256());
        if (preview) {
            if (!Downloads.isPreviewable(file.detectedType())) {
                throw WebRefusal.notFound();
            }
            Downloads.inline(ctx, bytes, file.name(), file.detectedType());
        } else {
            Downloads.attachment(ctx, bytes, file.name(), file.detectedType());
        }
    }

    /** Province staff and readers open any message; a city user only those of a case in their city. */
    boolean mayOpenMessage(Account account, long messageId) {
        if (app.messages().find(messageId).isEmpty()) {
            return false;
        }
        if (!account.isCity()) {
            return true;
        }
        return app.cases().listCasesOfMessage(messageId).stream().map(CaseRecord::reference).map(service::find)
                .flatMap(Optional::stream).anyMatch(account::canSee);
    }

    static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw WebRefusal.notFound();
        }
    }

}
