package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casefile.CaseState;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", description = "把一个案件并入另一个：同名或相近名称的申报，被并入的案件状态为“已合并”；"
        + "同一申报重复提交加 --duplicate，状态为“重复”；两件均记入处理记录，被并入的不列入汇总表")
final class MergeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StaffOptions staff;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "要并入的案件编号")
    String reference = "";

    @Option(names = "--into", required = true, paramLabel = "REF", description = "保留的案件编号")
    String into = "";

    @Option(names = "--duplicate", description = "同一申报重复提交（第二份副本）：状态为“重复”，而不是“已合并”")
    boolean duplicate;

    @Option(names = "--note", description = "合并理由")
    String note = "";

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            app.caseService().merge(reference, into, note, staff.by, duplicate);
            String merged = app.caseService().require(reference).reference();
            String kept = app.caseService().require(into).reference();
            CaseState state = duplicate ? CaseState.DUPLICATE : CaseState.MERGED;
            String said = duplicate ? merged + " 是 " + kept + " 的重复提交，状态：重复。" : merged + " 已并入 " + kept + "，状态：已合并。";
            return Done.print(spec.commandLine().getOut(), staff.json, said,
                    Map.of("reference", merged, "merged_into", kept, "status", state.code(), "status_label", state.label()));
        }
    }
}
