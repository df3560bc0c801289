package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "paper", description = "登记收到盖章的纸质材料（通知要求电子版之外另寄纸质版）")
final class PaperCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StaffOptions staff;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "案件编号")
    String reference = "";

    @Option(names = "--received", required = true, paramLabel = "DATE", description = "收到日期，如 2026-12-20")
    String received = "";

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            LocalDate date = app.caseService().paper(reference, received, staff.by);
            String ref = app.caseService().require(reference).reference();
            return Done.print(spec.commandLine().getOut(), staff.json, ref + " 已登记纸质材料，收到日期 " + date + "。",
                    Map.of("reference", ref, "paper_received", date.toString()));
        }
    }
}
