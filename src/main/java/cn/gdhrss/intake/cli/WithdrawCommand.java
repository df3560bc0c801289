package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "withdraw", description = "申报人撤回申报：案件状态改为“已撤回”，不再列入汇总表")
final class WithdrawCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StaffOptions staff;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "案件编号")
    String reference = "";

    @Option(names = "--note", description = "撤回说明（如申报人来信日期）")
    String note = "";

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            app.caseService().withdraw(reference, note, staff.by);
            String ref = app.caseService().require(reference).reference();
            return Done.print(spec.commandLine().getOut(), staff.json, ref + " 已撤回。", Map.of("reference", ref, "status", "withdrawn"));
        }
    }
}
