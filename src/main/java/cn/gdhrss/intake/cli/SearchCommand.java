package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "在职业（工种）名称、备选名称、定义和主要工作任务中查找文字（两个汉字起即可）")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", description = "要查找的文字")
    String text = "";

    @Option(names = "--json", description = "以 JSON 数组输出")
    boolean json;

    @Option(names = "--csv", description = "以 CSV 输出（UTF-8 带 BOM）")
    boolean csv;

    @Option(names = "--limit", description = "最多列出多少件，默认 ${DEFAULT-VALUE}")
    int limit = 200;

    @Override
    public Integer call() {
        try (App app = common.openApp()) {
            app.attribution().attributeNew();
            CaseViews.print(spec.commandLine().getOut(), app.reports().search(text, limit), json, csv);
            return 0;
        }
    }
}
