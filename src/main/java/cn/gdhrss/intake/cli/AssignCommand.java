package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "assign", description = "人工指定案件所属城市或报送期（记入案件处理记录）；没有建议书的案件也可指定")
final class AssignCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StaffOptions staff;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "案件编号，如 XZY-2026-0001")
    String reference = "";

    @Option(names = "--city", description = "城市：21 个地级以上市之一（如 佛山市）或 省属")
    @Nullable String city;

    @Option(names = "--period", paramLabel = "DATE", description = "报送期（报送截止日），如 2027-05-31")
    @Nullable String period;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            List<String> changed = app.caseService().assign(reference, city, period, staff.by);
            String ref = app.caseService().require(reference).reference();
            return Done.print(spec.commandLine().getOut(), staff.json, ref + " 已更新：" + String.join("，", changed) + "。",
                    Map.of("reference", ref, "changes", changed));
        }
    }
}
