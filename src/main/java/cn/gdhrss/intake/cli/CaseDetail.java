package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.reply.OutboxNames;
import cn.gdhrss.intake.casework.CaseSheet;
import cn.gdhrss.intake.casework.ProposalFields;
import cn.gdhrss.intake.casework.ProposalFields.FilledField;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.CaseAuditRecord;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code show REF}: the whole case as a page in the order of 附件1 — the case, the proposal's boxes
 * with each finding beside its box, versions with what changed, files with where they are kept,
 * replies, reviews, notes and the audit trail. The plain page and the CSV are the same lines; the
 * JSON holds the same and the proposal as read.
 */
final class CaseDetail {
    /** One line of the page: its section, label and text (text may hold line breaks). */
    record Line(String section, String label, String text) {}

    private static final String PROPOSAL = "建议书（附件1）";
    /** Sections printed one entry a line: label (time or version) then text. */
    private static final java.util.Set<String> LISTS = java.util.Set.of("版本", "附件", "回复", "审核", "备注", "处理记录");

    private CaseDetail() {}

    static void print(PrintWriter out, CaseSheet sheet, boolean json, boolean csv) {
        if (json) {
            out.println(Json.write(json(sheet)));
        } else if (csv) {
            out.print(Csv.write(List.of("部分", "项目", "内容"),
                    lines(sheet).stream().map(line -> List.of(line.section(), line.label(), line.text())).toList()));
        } else {
            plain(out, lines(sheet));
        }
        out.flush();
    }

    private static void plain(PrintWriter out, List<Line> lines) {
        String section = "";
        for (Line line : lines) {
            if (!line.section().equals(section)) {
                section = line.section();
                out.println();
                out.println("【" + section + "】");
            }
            String[] parts = line.text().split("\n", -1);
            boolean block = parts.length > 1 || TextTable.width(line.label() + line.text()) > 76;
            if (LISTS.contains(section) && !line.label().isEmpty()) {
                out.println("  " + line.label() + "  " + String.join("\n      ", parts));
            } else if (line.label().isEmpty()) {
                out.println("  " + String.join("\n  ", parts));
            } else if (block) {
                out.println("  " + line.label() + "：");
                for (String part : parts) {
                    out.println("      " + part);
                }
            } else {
                out.println("  " + line.label() + "：" + line.text());
            }
        }
    }

    static List<Line> lines(CaseSheet sheet) {
        List<Line> lines = new ArrayList<>();
        caseLines(sheet, lines);
        proposalLines(sheet, lines);
        versionLines(sheet, lines);
        attachmentLines(sheet, lines);
        replyLines(sheet, lines);
        reviewLines(sheet.listing().reviews(), lines);
        trailLines("备注", sheet.notes(), "（无）", lines);
        trailLines("处理记录", sheet.audit(), "（无）", lines);
        return lines;
    }

    private static void caseLines(CaseSheet sheet, List<Line> lines) {
        CaseListing row = sheet.listing();
        String section = "案件 " + row.reference();
        lines.add(new Line(section, "职业（工种）名称", CaseViews.nameOf(row)));
        lines.add(new Line(section, "状态", StatusNames.caseState(row.status()) + "（未补正错误 " + row.openErrors() + " 处，提示 "
                + row.openWarnings() + " 处）" + (row.flagged() ? "，已标记需核实" : "")));
        lines.add(new Line(section, "申报类别", row.category().isEmpty() ? "（未知）" : CaseViews.categoryLabel(row.category())));
        lines.add(new Line(section, "申报单位", row.applicant().isEmpty() ? "（未知）" : row.applicant()));
        lines.add(new Line(section, "首次收到", Times.local(row.receivedAt()) + "（北京时间），发件人 " + row.sender()));
        lines.add(new Line(section, "城市", row.city().isEmpty() ? "未确定" : row.city() + "（依据：" + StatusNames.placeSource(row.citySource()) + "）"));
        lines.add(new Line(section, "报送期", row.period() == null ? "未确定" : row.period() + "（依据：" + StatusNames.placeSource(row.periodSource()) + "）"));
        lines.add(new Line(section, "纸质材料", row.paperReceived() == null ? "未收到" : row.paperReceived() + " 收到"));
        if (row.mergedInto() != null) {
            lines.add(CaseState.DUPLICATE.code().equals(row.status())
                    ? new Line(section, "重复", "与 " + row.mergedInto() + " 重复（同一申报再次提交）")
                    : new Line(section, "合并", "已并入 " + row.mergedInto()));
        }
        if (!sheet.mergedFrom().isEmpty()) {
            lines.add(new Line(section, "并入本件或与本件重复的案件", String.join("、", sheet.mergedFrom())));
        }
    }

    private static void proposalLines(CaseSheet sheet, List<Line> lines) {
        String section = PROPOSAL;
        if (sheet.proposal() == null) {
            lines.add(new Line(section, "", "本案件没有可读取的建议书。"));
        } else {
            for (FilledField field : ProposalFields.fill(sheet.proposal())) {
                lines.add(new Line(section, field.label(), field.text().isEmpty() ? "（空）" : field.text()));
                field.findings().forEach(finding -> lines.add(new Line(section, "  ▲ " + severity(finding), finding.message())));
            }
        }
        List<Finding> loose = sheet.proposal() == null ? sheet.findings() : ProposalFields.unplaced(sheet.findings());
        loose.forEach(finding -> lines.add(new Line("审查意见（不属于某一栏）", severity(finding), finding.message())));
    }

    private static void versionLines(CaseSheet sheet, List<Line> lines) {
        for (CaseSheet.Version version : sheet.versions()) {
            String changes = version.version() == 1 ? "首次提交"
                    : !version.hasProposal() ? "未附建议书"
                    : version.changes().isEmpty() ? "建议书内容未变" : "改动：" + String.join("、", version.changes());
            lines.add(new Line("版本", "第" + version.version() + "版", Times.local(version.receivedAt()) + "  邮件 " + version.messageId()
                    + "  " + version.from() + "  《" + version.subject() + "》  错误 " + version.errors() + "，提示 "
                    + version.warnings() + "；" + changes));
        }
    }

    private static void attachmentLines(CaseSheet sheet, List<Line> lines) {
        if (sheet.attachments().isEmpty()) {
            lines.add(new Line("附件", "", "（邮件没有附件）"));
        }
        for (CaseSheet.FiledAttachment filed : sheet.attachments()) {
            AttachmentRecord attachment = filed.attachment();
            lines.add(new Line("附件", "第" + filed.version() + "版 " + attachment.seq(), attachment.name() + "（"
                    + StatusNames.attachmentKind(attachment.kind()) + "，" + attachment.size() + " 字节，" + StatusNames.attachmentState(attachment.status())
                    + (attachment.statusReason().isEmpty() ? "" : "：" + attachment.statusReason()) + "）"
                    + (filed.storedPath() == null ? "" : "  存放于 " + filed.storedPath())));
        }
    }

    private static void replyLines(CaseSheet sheet, List<Line> lines) {
        if (sheet.replies().isEmpty()) {
            lines.add(new Line("回复", "", "（无）"));
        }
        for (OutboxRecord reply : sheet.replies()) {
            lines.add(new Line("回复", Times.local(reply.createdAt()), OutboxNames.kind(reply.kind()) + " → " + reply.to() + "  《"
                    + reply.subject() + "》  " + OutboxNames.state(reply.state()) + "（外发编号 " + reply.id() + "）"));
        }
    }

    private static void reviewLines(List<ReviewRecord> reviews, List<Line> lines) {
        if (reviews.isEmpty()) {
            lines.add(new Line("审核", "", "（尚无）"));
        }
        reviews.forEach(review -> lines.add(new Line("审核", Times.local(review.reviewedAt()),
                ReviewOutcomes.describe(review) + "  审核人 " + review.reviewedBy())));
    }

    private static void trailLines(String section, List<CaseAuditRecord> trail, String none, List<Line> lines) {
        if (trail.isEmpty()) {
            lines.add(new Line(section, "", none));
        }
        trail.forEach(line -> lines.add(new Line(section, Times.local(line.at()), line.detail() + "（" + line.actor() + "）")));
    }

    private static String severity(Finding finding) {
        return finding.isError() ? "错误" : "提示";
    }

    private static Map<String, Object> json(CaseSheet sheet) {
        Map<String, Object> view = new LinkedHashMap<>(CaseViews.json(sheet.listing()));
        view.put("merged_from", sheet.mergedFrom());
        view.put("fields", sheet.proposal() == null ? List.of() : ProposalFields.fill(sheet.proposal()).stream().map(field -> Map.of(
                "path", field.path(), "label", field.label(), "text", field.text(), "findings", field.findings())).toList());
        view.put("findings", sheet.findings());
        view.put("versions", sheet.versions());
        view.put("attachments", sheet.attachments().stream().map(filed -> {
            Map<String, Object> file = new LinkedHashMap<>(MessageViews.attachment(filed.attachment()));
            file.put("version", filed.version());
            file.put("message", filed.messageId());
            file.put("stored_path", filed.storedPath());
            return file;
        }).toList());
        view.put("replies", sheet.replies().stream().map(OutboxCommand::view).toList());
        view.put("notes", sheet.notes());
        view.put("audit", sheet.audit());
        view.put("events", sheet.events());
        view.put("proposal", sheet.proposal());
        return view;
    }
}
