package cn.gdhrss.intake.web;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.casework.CaseService;
import cn.gdhrss.intake.casework.CaseWorkException;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.reply.ComposedMail;
import cn.gdhrss.intake.reply.OutboxNames;
import cn.gdhrss.intake.reply.ReplyComposer;
import cn.gdhrss.intake.report.ReviewOutcomes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * What staff do to a case from its page, each through {@link CaseService} with the same rules as
 * the command line and the web user as the actor of the audit trail: reviews (city staff only
 * 地市初审, of their city), notes, paper copy, reassignment, merge, withdrawal, letters from a
 * template (a preview before anything is queued) and resending an outgoing mail.
 */
final class CaseActions {
    private final App app;
    private final ConsoleServer server;
    private final CaseService service;
    private final CasePages casePages;

    CaseActions(App app, ConsoleServer server) {
        this.app = app;
        this.server = server;
        this.service = app.caseService();
        this.casePages = new CasePages(app, server);
    }

    void routes(RoutesConfig routes) {
        routes.post("/cases/{reference}/review", this::review);
        routes.post("/cases/{reference}/note", this::note);
        routes.post("/cases/{reference}/paper", this::paper);
        routes.post("/cases/{reference}/assign", this::assign);
        routes.post("/cases/{reference}/merge", this::merge);
        routes.post("/cases/{reference}/withdraw", this::withdraw);
        routes.get("/cases/{reference}/letter", this::letterForm);
        routes.post("/cases/{reference}/letter/preview", this::letterPreview);
        routes.post("/cases/{reference}/letter", this::letterQueue);
        routes.post("/outbox/{id}/resend", this::resend);
    }

    /** The case of the path, if the user may see it (else 404), and may do this (else 403). */
    private CaseListing caseFor(Context ctx, boolean provinceOnly) {
        Account account = ConsoleServer.account(ctx);
        CaseListing listing = casePages.visibleCase(account, ctx.pathParam("reference"));
        if (!account.canWork() || provinceOnly && !account.isProvince()) {
            throw WebRefusal.forbidden();
        }
        return listing;
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static String page(CaseListing listing) {
        return "/cases/" + listing.reference();
    }

    /** Runs {@code action}; its refusal (one Chinese sentence) comes back on the case page instead of an error page. */
    private void act(Context ctx, CaseListing listing, java.util.function.Supplier<String> action) {
        String message;
        try {
            message = action.get();
        } catch (CaseWorkException e) {
            message = "未办理：" + e.inConsoleWords();
        }
        server.done(ctx, page(listing), message);
    }

    private void review(Context ctx) {
        String stage = form(ctx, "stage");
        Account account = ConsoleServer.account(ctx);
        CaseListing listing = caseFor(ctx, !ReviewRecord.STAGE_CITY.equals(stage));
        act(ctx, listing, () -> {
            ReviewRecord review = service.review(listing.reference(), stage, form(ctx, "result"), form(ctx, "note"), account.actor(),
                    "1".equals(ctx.formParam("force")));
            return "已记录：" + ReviewOutcomes.describe(review) + "。";
        });
    }

    private void note(Context ctx) {
        CaseListing listing = caseFor(ctx, false);
        act(ctx, listing, () -> {
            service.note(listing.reference(), form(ctx, "text"), ConsoleServer.account(ctx).actor(), "1".equals(ctx.formParam("done")));
            return "备注已保存。";
        });
    }

    private void paper(Context ctx) {
        CaseListing listing = caseFor(ctx, true);
        act(ctx, listing, () -> "已登记纸质材料于 " + service.paper(listing.reference(), form(ctx, "date"), ConsoleServer.account(ctx).actor())
                + " 收到。");
    }

    private void assign(Context ctx) {
        CaseListing listing = caseFor(ctx, true);
        act(ctx, listing, () -> "已更改：" + String.join("，", service.assign(listing.reference(), form(ctx, "city"), form(ctx, "period"),
                ConsoleServer.account(ctx).actor())) + "。");
    }

    private void merge(Context ctx) {
        CaseListing listing = caseFor(ctx, true);
        act(ctx, listing, () -> {
            service.merge(listing.reference(), form(ctx, "into"), form(ctx, "note"), ConsoleServer.account(ctx).actor());
            return "已并入 " + form(ctx, "into").toUpperCase(java.util.Locale.ROOT) + "。";
        });
    }

    private void withdraw(Context ctx) {
        CaseListing listing = caseFor(ctx, true);
        act(ctx, listing, () -> {
            service.withdraw(listing.reference(), form(ctx, "note"), ConsoleServer.account(ctx).actor());
            return "案件已撤回。";
        });
    }

    // ---------------------------------------------------------------- letters: template, preview, queue

    private void letterForm(Context ctx) {
        CaseListing listing = caseFor(ctx, true);
        String kind = Optional.ofNullable(ctx.queryParam("template")).orElse("correction");
        if (!ReplyComposer.LETTER_KINDS.contains(kind)) {
            throw WebRefusal.notFound();
        }
        ComposedMail draft = app.composer().composeLetterDraft(kind, listing.reference(), listing.name(), listing.applicant(),
                CaseState.labelOf(listing.status()), service.show(listing.reference()).findings());
        server.render(ctx, "letter", "register", Views.of("case", Views.row(listing), "kind", kind, "subject", draft.subject(),
                "text", draft.bodyText(), "to", "", "preview", false, "kinds", ReplyComposer.LETTER_KINDS));
    }

    private void letterPreview(Context ctx) {
        CaseListing listing = caseFor(ctx, true);
        String text = form(ctx, "text");
        String error = text.isEmpty() ? "信件正文为空；请写好要发给申报人的内容。" : "";
        server.render(ctx, "letter", "register", Views.of("case", Views.row(listing), "kind", form(ctx, "kind"),
                "subject", form(ctx, "subject"), "text", text, "to", form(ctx, "to"), "preview", error.isEmpty(), "error", error,
                "kinds", ReplyComposer.LETTER_KINDS));
    }

    private void letterQueue(Context ctx) {
        CaseListing listing = caseFor(ctx, true);
        act(ctx, listing, () -> {
            String to = form(ctx, "to");
            OutboxRecord row = service.reply(listing.reference(), form(ctx, "subject"), form(ctx, "text"), to.isEmpty() ? null : to,
                    ConsoleServer.account(ctx).actor());
            return "信件已排队（外发编号 " + row.id() + "，收件人 " + row.to() + "），当前状态：" + OutboxNames.state(row.state()) + "。";
        });
    }

    private void resend(Context ctx) {
        Account account = ConsoleServer.account(ctx);
        if (!account.isProvince()) {
            throw WebRefusal.forbidden();
        }
        long id = CasePages.parseLong(ctx.pathParam("id"));
        String back = Optional.ofNullable(ctx.formParam("back")).filter(path -> path.startsWith("/") && !path.startsWith("//")).orElse("/queue");
        String message;
        try {
            OutboxRecord row = app.mailDesk().resend(id, "1".equals(ctx.formParam("force")));
            message = "外发邮件 " + id + " 已重新排队，当前状态：" + OutboxNames.state(row.state())
                    + (row.lastResponse().isEmpty() ? "" : "（" + row.lastResponse() + "）") + "。";
        } catch (CaseWorkException e) {
            message = "未办理：" + e.inConsoleWords();
        }
        server.done(ctx, back, message);
    }

}
