package cn.gdhrss.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.cli.CaseRegister.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: the service writes a period's 汇总表 only once it has cases, and rewrites it at the next
 * run of the summary job whenever staff change one of its cases (review, merge, withdraw, class);
 * the rows read back from the workbook follow each change.
 */
class SummaryRewriteIT {
    private static final String PERIOD = "2026-12-31";
    private static final String PROVINCE = "新职业信息汇总表（全省）" + PERIOD + ".xlsx";

    @TempDir
    Path dir;

    /** What the summary job does at each trigger (the clock of the register: 2026-09-01). */
    private List<Path> summaryJob(Path data) throws IOException {
        try (App app = CaseRegister.open(data)) {
            app.attribution().attributeNew();
            return app.dueSummaries().writeDue();
        }
    }

    /** The register of {@link CaseRegister} under {@code data}; returns where the summary job writes the province's workbook. */
    private Path registerWithCases(Path data) throws IOException {
        CaseRegister.build(data, dir.resolve("mail"));
        return data.resolve("summaries").resolve(PERIOD).resolve(PROVINCE);
    }

    private static List<String> filesUnder(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    @Test
    void firstStartWithNoCasesWritesNothing() throws IOException {
        Path data = dir.resolve("data");

        assertThat(summaryJob(data)).isEmpty();
        assertThat(summaryJob(data)).isEmpty();
        assertThat(filesUnder(data.resolve("summaries"))).isEmpty();
    }

    @Test
    void periodIsRewrittenWhenItsCasesChangeAndItsRowsFollow() throws IOException {
        Path data = dir.resolve("data");
        Path province = registerWithCases(data);
        Path config = CaseRegister.emptyConfig(dir);

        assertThat(summaryJob(data)).contains(province);
        assertThat(data.resolve("summaries/2026-08-10")).doesNotExist();
        List<String> listed = WorkbookRows.of(province, WorkbookRows.SUMMARY);
        int sameName = WorkbookRows.naming(listed, "低空飞行器运维员").size();
        assertThat(sameName).isGreaterThanOrEqualTo(2);
        assertThat(WorkbookRows.naming(listed, "数字孪生应用工程师")).hasSize(1);
        assertThat(summaryJob(data)).as("nothing changed, nothing rewritten").isEmpty();

        ok(data, config, "withdraw", "XZY-2026-0002", "--note", "申报人来信撤回");
        assertThat(summaryJob(data)).contains(province);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.SUMMARY), "数字孪生应用工程师")).isEmpty();
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.EXCLUDED), "| XZY-2026-0002 |"))
                .singleElement().asString().contains("数字孪生应用工程师", "已撤回", "申报人已撤回");

        ok(data, config, "merge", "XZY-2026-0007", "--into", "XZY-2026-0001", "--duplicate");
        assertThat(summaryJob(data)).contains(province);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.SUMMARY), "低空飞行器运维员")).hasSize(sameName - 1);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.EXCLUDED), "| XZY-2026-0007 |"))
                .singleElement().asString().contains("重复", "与另一件申报 XZY-2026-0001 重复（同一申报再次提交）");

        ok(data, config, "review", "XZY-2026-0001", "--stage", "city", "--result", "fail", "--note", "与现有职业重叠");
        assertThat(summaryJob(data)).contains(province);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.SUMMARY), "低空飞行器运维员")).hasSize(sameName - 2);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.EXCLUDED), "| XZY-2026-0001 |"))
                .singleElement().asString().contains("地市初审未通过：与现有职业重叠");
    }

    @Test
    void messageCalledUnrelatedTakesItsCaseOutOfTheSummaryAndBackIn() throws IOException {
        Path data = dir.resolve("data");
        Path province = registerWithCases(data);
        Path config = CaseRegister.emptyConfig(dir);
        summaryJob(data);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.EXCLUDED), "| XZY-2026-0008 |"))
                .singleElement().asString().contains("待补正", "有 1 项待补正的错误");

        assertThat(ok(data, config, "classify", "10", "unrelated")).contains("案件 XZY-2026-0008 → 非申报");
        assertThat(summaryJob(data)).contains(province);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.EXCLUDED), "| XZY-2026-0008 |"))
                .singleElement().asString().contains("非申报", "不是新职业申报");

        assertThat(ok(data, config, "classify", "10", "submission")).contains("案件 XZY-2026-0008 → 待补正");
        assertThat(summaryJob(data)).contains(province);
        assertThat(WorkbookRows.naming(WorkbookRows.of(province, WorkbookRows.EXCLUDED), "| XZY-2026-0008 |"))
                .singleElement().asString().contains("待补正", "有 1 项待补正的错误");
    }

    private static String ok(Path data, Path config, String... args) {
        Result result = CaseRegister.run(data, config, args);
        assertThat(result.code()).as(String.join(" ", args) + " → " + result.err()).isZero();
        return result.out();
    }
}
