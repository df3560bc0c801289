package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.EventRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.reply.MailClass;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "显示一封邮件（ID 为数字）或一个案件（REF，如 XZY-2026-0001）的全部信息")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID|REF", description = "邮件编号，或案件编号")
    String target = "";

    @Option(names = "--csv", description = "以 CSV（项目,内容）输出，UTF-8 带 BOM")
    boolean csv;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Override
    public Integer call() {
        if (!target.strip().matches("\\d{1,18}")) {
            try (App app = common.openApp()) {
                CaseDetail.print(spec.commandLine().getOut(), app.caseService().show(target), json, csv);
                return 0;
            }
        }
        long id = Long.parseLong(target.strip());
        try (App app = common.openApp()) {
            Optional<MessageRecord> found = app.messages().find(id);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("没有编号为 " + id + " 的邮件。");
                return 1;
            }
            MessageRecord message = found.get();
            List<AttachmentRecord> attachments = app.messages().listAttachments(id);
            List<EventRecord> events = app.messages().listEvents(id);
            List<String> cases = app.cases().listCasesOfMessage(id).stream()
                    .map(one -> one.reference() + " " + one.title() + "（" + StatusNames.caseState(one.status()) + "）").toList();
            if (csv) {
                spec.commandLine().getOut().print(Csv.write(List.of("项目", "内容"), List.of(
                        List.of("邮件编号", Long.toString(message.id())), List.of("主题", message.subject()),
                        List.of("发件人", message.fromAddress()), List.of("收到时间", Times.local(message.receivedAt())),
                        List.of("状态", StatusNames.message(message.status())), List.of("附件数", Integer.toString(attachments.size())))));
                spec.commandLine().getOut().flush();
            } else if (json) {
                java.util.Map<String, Object> view = MessageViews.detail(message, attachments, events);
                view.put("cases", app.cases().listCasesOfMessage(id).stream().map(one -> one.reference()).toList());
                app.messages().findMailClass(id).ifPresent(known -> {
                    view.put("class", known.mailClass());
                    view.put("class_reasons", List.of(known.reasons().split("\n")));
                    view.put("class_by", known.decidedBy());
                });
                spec.commandLine().getOut().println(Json.write(view));
            } else {
                print(spec.commandLine().getOut(), message, attachments, events);
                app.messages().findMailClass(id).ifPresent(known -> spec.commandLine().getOut().println("类别："
                        + MailClass.labelOf(known.mailClass()) + (known.isByStaff() ? "（工作人员指定）" : "") + "。原因："
                        + known.reasons().replace("\n", "；")));
                if (!cases.isEmpty()) {
                    spec.commandLine().getOut().println("受理编号：" + String.join("；", cases));
                }
            }
            return 0;
        }
    }

    private static void print(PrintWriter out, MessageRecord message, List<AttachmentRecord> attachments, List<EventRecord> events) {
        out.println("邮件编号：" + message.id());
        out.println("主题：" + message.subject());
        out.println("发件人：" + message.fromAddress());
        if (!message.replyTo().isEmpty()) {
            out.println("回复地址：" + message.replyTo());
        }
        out.println("收件人：" + message.toAddress());
        out.println("Message-ID：" + (message.messageId() == null ? "（无）" : message.messageId())
                + (message.messageIdConflict() ? "（与另一封内容不同的邮件相同，请核对）" : ""));
        out.println("收到时间：" + Times.local(message.receivedAt()) + "（北京时间）");
        out.println("大小：" + message.size() + " 字节，SHA-256：" + message.sha256());
        out.println("原始邮件：" + message.rawPath());
        out.println("状态：" + StatusNames.message(message.status()) + (message.statusReason().isEmpty() ? "" : "，" + message.statusReason()));
        if (!message.lastError().isEmpty()) {
            out.println("最近错误（第" + message.attempts() + "次）：" + message.lastError());
        }
        out.println();
        TextTable table = new TextTable("序号", "文件名", "类别", "检测类型", "大小", "状态");
        for (AttachmentRecord attachment : attachments) {
            table.add(attachment.seq(), attachment.name(), StatusNames.attachmentKind(attachment.kind()), attachment.detectedType(),
                    attachment.size(), StatusNames.attachmentState(attachment.status())
                            + (attachment.statusReason().isEmpty() ? "" : "：" + attachment.statusReason()));
        }
        out.println("附件（" + attachments.size() + "）：");
        out.print(table.render(50));
        out.println();
        out.println("处理记录：");
        for (EventRecord event : events) {
            out.println("  " + Times.local(event.at()) + "  " + StatusNames.event(event.kind()) + "  " + event.detail());
        }
    }
}
