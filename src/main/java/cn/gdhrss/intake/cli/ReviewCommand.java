package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "review", description = "记录地市初审（--stage city）或省级论证（--stage province）的结果")
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "案件编号，如 XZY-2026-0001")
    String reference = "";

    @Option(names = "--stage", required = true, description = "city（地市初审）或 province（省级论证）")
    String stage = "";

    @Option(names = "--result", required = true,
            description = "pass（通过；省级：论证通过，上报国家）、fail（未通过）、cultivate（未通过但有潜力，列入专项职业能力培育目录）")
    String result = "";

    @Option(names = "--note", description = "审核意见")
    String note = "";

    @Option(names = "--by", description = "审核人，默认当前系统用户")
    String by = System.getProperty("user.name", "");

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            ReviewRecord review;
            try {
                review = app.reviews().record(reference, stage, result, note, by);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage() + "。");
                return 1;
            }
            spec.commandLine().getOut().println(reference + " 已记录 " + ReviewOutcomes.describe(review) + "，审核人 " + review.reviewedBy()
                    + "，时间 " + Times.local(review.reviewedAt()) + "。");
            return 0;
        }
    }
}
