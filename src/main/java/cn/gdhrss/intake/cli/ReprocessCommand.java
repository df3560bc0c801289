package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.casework.StatusNames;
import cn.gdhrss.intake.App;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reprocess", description = "重新处理一封邮件（原始邮件不变）：仍归入原来的案件，不另立编号，不再回复；"
        + "结果有变且加 --reply 时才回复申报人")
final class ReprocessCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "邮件编号（list 中的编号）")
    long id;

    @Option(names = "--reply", description = "重新处理后案件状态或错误数有变时，给申报人发新的回复")
    boolean reply;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            var message = app.mailDesk().reprocess(id, reply);
            List<String> cases = app.mailDesk().casesOf(id);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("id", id);
            facts.put("status", message.status());
            facts.put("status_reason", message.statusReason());
            facts.put("cases", cases);
            return Done.print(spec.commandLine().getOut(), json, "邮件 " + id + " 已重新处理，当前状态：" + StatusNames.message(message.status())
                    + (cases.isEmpty() ? "" : "，案件 " + String.join("、", cases))
                    + (message.statusReason().isEmpty() ? "" : "；" + message.statusReason()) + "。", facts);
        }
    }
}
