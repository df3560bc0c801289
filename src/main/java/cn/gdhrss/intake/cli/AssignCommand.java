package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.report.CityDecision;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "assign", description = "人工指定案件所属城市或报送期（记入案件处理记录）")
final class AssignCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "案件编号，如 XZY-2026-0001")
    String reference = "";

    @Option(names = "--city", description = "城市：21 个地级以上市之一（如 佛山市）或 省属")
    @Nullable String city;

    @Option(names = "--period", paramLabel = "DATE", description = "报送期（报送截止日），如 2027-05-31")
    @Nullable LocalDate period;

    @Option(names = "--by", description = "操作人，默认当前系统用户")
    String by = System.getProperty("user.name", "");

    @Override
    public Integer call() {
        if (city == null && period == null) {
            spec.commandLine().getErr().println("请用 --city 或 --period 指定要改的内容。");
            return 1;
        }
        try (App app = common.openApp()) {
            app.attribution().attributeNew();
            if (!app.reports().exists(reference) || app.reports().findPlace(reference).isEmpty()) {
                spec.commandLine().getErr().println("没有编号为 " + reference + " 的案件（或该案件没有建议书）。");
                return 1;
            }
            if (city != null) {
                List<String> cities = app.cityResolver().cities();
                if (!cities.contains(city) && !CityDecision.PROVINCIAL.equals(city)) {
                    spec.commandLine().getErr().println("城市应为 " + String.join("、", cities) + " 或 省属，不是“" + city + "”。");
                    return 1;
                }
                app.reports().assignCity(reference, city, by);
                spec.commandLine().getOut().println(reference + " 的城市已改为 " + city + "。");
            }
            if (period != null) {
                if (app.periods().deadlinesBetween(period, period).isEmpty()) {
                    spec.commandLine().getErr().println(period + " 不是配置的报送截止日（periods.fixed / periods.yearly）。");
                    return 1;
                }
                app.reports().assignPeriod(reference, period, by);
                spec.commandLine().getOut().println(reference + " 的报送期已改为 " + period + "。");
            }
            return 0;
        }
    }
}
