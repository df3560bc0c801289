package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.CaseAuditRecord;
import cn.gdhrss.intake.register.CasePlace;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.CaseRow;
import cn.gdhrss.intake.register.CaseVersionRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code show REF}: the whole case — versions, fields, findings, attachments, replies, reviews. */
final class CaseDetail {
    private final App app;
    private final PrintWriter out;
    private final PrintWriter err;

    CaseDetail(App app, PrintWriter out, PrintWriter err) {
        this.app = app;
        this.out = out;
        this.err = err;
    }

    int show(String reference, boolean json, boolean csv) {
        app.attribution().attributeNew();
        Optional<CaseRow> found = app.reports().findCase(reference);
        if (found.isEmpty()) {
            err.println("没有编号为 " + reference + " 的案件（或该案件没有建议书）。");
            err.flush();
            return 1;
        }
        Map<String, Object> view = view(found.get());
        if (json) {
            out.println(Json.write(view));
        } else if (csv) {
            List<List<String>> rows = new ArrayList<>();
            view.forEach((key, value) -> rows.add(List.of(key, value instanceof String text ? text : Json.write(value))));
            out.print(Csv.write(List.of("项目", "内容"), rows));
        } else {
            print(found.get(), view);
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> view(CaseRow row) {
        Map<String, Object> view = new LinkedHashMap<>(CaseViews.json(row));
        Optional<CasePlace> place = app.reports().findPlace(row.reference());
        view.put("city_source", place.map(CasePlace::citySource).orElse(""));
        view.put("period_source", place.map(CasePlace::periodSource).orElse(""));
        view.put("message", row.messageRef());
        Optional<CaseRecord> filed = app.cases().find(row.reference());
        view.put("versions", filed.map(found -> app.cases().listVersions(found.id()).stream().map(CaseDetail::version).toList()).orElse(List.of()));
        view.put("replies", filed.map(found -> app.cases().listOutbox(found.id()).stream().map(CaseDetail::reply).toList()).orElse(List.of()));
        view.put("attachments", app.messages().listAttachments(row.messageRef()).stream().map(MessageViews::attachment).toList());
        view.put("proposal", app.forms().findProposal(row.proposalId()).map(Object.class::cast).orElse(Map.of()));
        view.put("audit", app.reports().listAudit(row.reference()).stream().map(CaseDetail::audit).toList());
        return view;
    }

    private static Map<String, Object> version(CaseVersionRecord version) {
        return Map.of("version", version.version(), "message", version.messageId(), "created_at", version.createdAt().toString(),
                "errors", version.errorCount(), "warnings", version.warningCount());
    }

    private static Map<String, Object> reply(OutboxRecord reply) {
        return Map.of("kind", reply.kind(), "to", reply.to(), "subject", reply.subject(), "state", reply.state(),
                "created_at", reply.createdAt().toString());
    }

    private static Map<String, Object> audit(CaseAuditRecord event) {
        return Map.of("at", event.at().toString(), "by", event.actor(), "kind", event.kind(), "detail", event.detail());
    }

    private void print(CaseRow row, Map<String, Object> view) {
        out.println("案件编号：" + row.reference());
        out.println("收到时间：" + Times.local(row.receivedAt()) + "（北京时间）");
        out.println("城市：" + row.city() + "（依据：" + view.get("city_source") + "）  报送期：" + row.period() + "（依据：" + view.get("period_source") + "）");
        out.println("申报类别：" + CaseViews.categoryLabel(row.category()) + "  状态：" + StatusNames.caseState(row.status()));
        out.println("职业（工种）名称：" + row.name());
        out.println("申报单位：" + row.applicant() + "  所属行业：" + row.industry());
        out.println("当前建议书：邮件 " + row.messageRef());
        app.cases().find(row.reference()).ifPresent(filed -> {
            out.println();
            out.println("版本：");
            app.cases().listVersions(filed.id()).forEach(version -> out.println("  第" + version.version() + "版  邮件 " + version.messageId()
                    + "  " + Times.local(version.createdAt()) + "  错误 " + version.errorCount() + "，提示 " + version.warningCount()));
            out.println("回复：");
            app.cases().listOutbox(filed.id()).forEach(reply -> out.println("  " + Times.local(reply.createdAt()) + "  " + reply.kind()
                    + "  " + reply.to() + "  " + reply.subject() + "  " + reply.state()));
        });
        app.forms().findProposal(row.proposalId()).ifPresent(this::printProposal);
        out.println();
        TextTable attachments = new TextTable("序号", "文件名", "类别", "大小", "状态");
        for (AttachmentRecord attachment : app.messages().listAttachments(row.messageRef())) {
            attachments.add(attachment.seq(), attachment.name(), attachment.kind(), attachment.size(), attachment.status());
        }
        out.println("附件：");
        out.print(attachments.render(50));
        out.println();
        out.println("审核：");
        for (ReviewRecord review : row.reviews()) {
            out.println("  " + Times.local(review.reviewedAt()) + "  " + ReviewOutcomes.describe(review) + "  " + review.reviewedBy());
        }
        out.println("处理记录（报送）：");
        for (CaseAuditRecord event : app.reports().listAudit(row.reference())) {
            out.println("  " + Times.local(event.at()) + "  " + event.actor() + "  " + event.detail());
        }
    }

    private void printProposal(Proposal proposal) {
        out.println();
        out.println("建议书内容：");
        out.println(Json.write(proposal));
        out.println("审查意见（" + proposal.findings().size() + "）：");
        for (Finding finding : proposal.findings()) {
            out.println("  [" + finding.severity() + "] " + finding.message());
        }
    }
}
