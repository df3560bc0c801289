package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.report.ReviewOutcomes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "review", description = "记录地市初审（--stage city：pass/fail）或省级论证（--stage province：pass/cultivate/fail），案件状态随之改变")
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StaffOptions staff;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "案件编号，如 XZY-2026-0001")
    String reference = "";

    @Option(names = "--stage", required = true, description = "city（地市初审）或 province（省级论证，须先通过地市初审；省属单位除外）")
    String stage = "";

    @Option(names = "--result", required = true,
            description = "地市初审：pass（通过）、fail（未通过）；省级论证：pass（通过，上报国家）、cultivate（未通过但纳入专项职业能力培育目录）、fail（未通过）")
    String result = "";

    @Option(names = "--note", description = "审核意见")
    String note = "";

    @Option(names = "--force", description = "案件仍有未补正的错误时仍予通过（须同时用 --note 写明理由）")
    boolean force;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            ReviewRecord review = app.caseService().review(reference, stage, result, note, staff.by, force);
            String state = app.caseService().require(review.reference()).status();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("reference", review.reference());
            facts.put("review", CaseViews.review(review));
            facts.put("status", state);
            facts.put("status_label", CaseState.labelOf(state));
            return Done.print(spec.commandLine().getOut(), staff.json, review.reference() + " 已记录 " + ReviewOutcomes.describe(review)
                    + "，审核人 " + review.reviewedBy() + "，时间 " + Times.local(review.reviewedAt()) + "；案件状态：" + CaseState.labelOf(state) + "。",
                    facts);
        }
    }
}
