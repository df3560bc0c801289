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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Staff's class for a message (issue 10). The answer step runs again on it at once: a new
 * submission is filed and gets its receipt or correction, an enquiry its acknowledgement, each
 * only if that letter has not gone out for this message before.
 */
@Command(name = "classify", description = "工作人员指定邮件类别：submission（申报材料）、enquiry（咨询）或 unrelated（无关邮件），随后发出该类别应有的回复（只发一次）；"
        + "已立案的邮件改为咨询或无关邮件时案件状态为“非申报”，改回申报材料时按核对结果恢复")
final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "邮件编号（list 中的编号）")
    long id;

    @Option(names = "--by", description = "操作人，默认当前系统用户")
    String by = System.getProperty("user.name", "");

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
            MailDesk.Classified classified;
            try {
                classified = app.mailDesk().classify(id, parsed, by);
            } catch (CaseWorkException e) {
                spec.commandLine().getErr().println("没有编号为 " + id + " 的邮件。");
                return 1;
            }
            MessageRecord message = classified.message();
            spec.commandLine().getOut().println("邮件 " + id + " 已归为“" + parsed.label() + "”，当前状态："
                    + StatusNames.message(message.status()) + (message.statusReason().isEmpty() ? "" : "，" + message.statusReason()));
            classified.caseChanges().forEach(change -> spec.commandLine().getOut().println("案件 " + change));
            return 0;
        }
    }
}
