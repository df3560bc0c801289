package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casework.CaseWorkException;
import cn.gdhrss.intake.casework.MailDesk;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.reply.MailClass;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Staff's class for a message (issue 10). The answer step runs again on it at once: a new
 * submission is filed and gets its receipt or correction, an enquiry its acknowledgement, each
 * only if that letter has not gone out for this message before.
 */
@Command(name = "classify", description = "工作人员指定邮件类别：submission（申报材料）、enquiry（咨询）或 unrelated（无关邮件），随后发出该类别应有的回复（只发一次）")
final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "邮件编号（list 中的编号）")
    long id;

    @Parameters(index = "1", paramLabel = "CLASS", description = "submission|enquiry|unrelated，也可写 申报材料、咨询、无关邮件")
    String mailClass = "";

    @Override
    public Integer call() {
        MailClass parsed;
        try {
            parsed = MailDesk.staffClass(mailClass);
        } catch (CaseWorkException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        try (App app = common.openApp()) {
            MessageRecord message;
            try {
                message = app.mailDesk().classify(id, parsed);
            } catch (CaseWorkException e) {
                spec.commandLine().getErr().println("没有编号为 " + id + " 的邮件。");
                return 1;
            }
            spec.commandLine().getOut().println("邮件 " + id + " 已归为“" + parsed.label() + "”，当前状态："
                    + StatusNames.message(message.status()) + (message.statusReason().isEmpty() ? "" : "，" + message.statusReason()));
            return 0;
        }
    }
}
