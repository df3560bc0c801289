package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "查找案件：职业名称、备选名称、定义、主要工作任务、申报单位、联系人、电话、邮箱、发件地址；"
        + "多个词须同时出现，最相关的在前")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORD", arity = "1..*", description = "要查找的词，如 王静、13800138000、zhang@qq.com、数据 标注")
    List<String> words = List.of();

    @Option(names = "--json", description = "以 JSON 数组输出")
    boolean json;

    @Option(names = "--csv", description = "以 CSV 输出（UTF-8 带 BOM）")
    boolean csv;

    @Option(names = "--limit", description = "最多列出多少件，默认 ${DEFAULT-VALUE}")
    int limit = 200;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandError("--limit 应为正整数，不是 " + limit + "。");
        }
        try (App app = common.openApp()) {
            CaseViews.print(spec.commandLine().getOut(), app.caseService().search(String.join(" ", words), limit), json, csv);
            return 0;
        }
    }
}
