package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "note", description = "给案件加备注（记入处理记录）；加 --done 表示标记需核实的事项已处理")
final class NoteCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StaffOptions staff;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "案件编号")
    String reference = "";

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "1..*", description = "备注内容")
    List<String> text = List.of();

    @Option(names = "--done", description = "同时清除“需核实”标记")
    boolean done;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            String note = String.join(" ", text);
            app.caseService().note(reference, note, staff.by, done);
            String ref = app.caseService().require(reference).reference();
            return Done.print(spec.commandLine().getOut(), staff.json, ref + " 已加备注" + (done ? "，需核实标记已清除" : "") + "。",
                    Map.of("reference", ref, "note", note, "flag_cleared", done));
        }
    }
}
