package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.report.SummaryFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "summary", description = "生成一个报送期的新职业信息汇总表（附件2）：每个城市一份、全省一份，.xlsx 与 .docx")
final class SummaryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "DATE", description = "报送期（报送截止日），如 2026-12-31")
    String periodText = "";

    @Option(names = "--city", description = "只生成这个城市的汇总表，如 广州市")
    @Nullable String city;

    @Option(names = "--out", paramLabel = "DIR", description = "输出目录，默认 <数据目录>/summaries/<报送期>")
    @Nullable Path out;

    @Override
    public Integer call() throws IOException {
        try (App app = common.openApp()) {
            // The same checks as list --cases: a configured deadline, a city of the reference list.
            LocalDate period = app.caseInputs().period(periodText);
            String city = this.city == null || this.city.isBlank() ? null : app.caseInputs().city(this.city);
            Path directory = out != null ? out : app.dataDir().resolve("summaries").resolve(period.toString());
            SummaryFiles written = app.summaries().writeFiles(period, city, directory);
            written.files().forEach(file -> spec.commandLine().getOut().println(file));
            written.notes().forEach(note -> spec.commandLine().getOut().println(note));
            spec.commandLine().getOut().println("共生成 " + written.files().size() + " 个文件。");
            return 0;
        }
    }
}
