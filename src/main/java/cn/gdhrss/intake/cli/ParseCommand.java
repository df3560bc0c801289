package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.form.Catalogues;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.FormChecks;
import cn.gdhrss.intake.form.FormJson;
import cn.gdhrss.intake.form.FormReader;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.form.ReadResult;
import cn.gdhrss.intake.form.SummaryTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run.sh parse FILE [--json]}: reads one file as a form without touching the register (issue
 * 3). Exit 0 when it was read as a form, even with findings; 1 with one Chinese line otherwise.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "解析一份新职业建议书或新职业信息汇总表（不写入登记库）")
public final class ParseCommand implements Callable<Integer> {

    static final int NOT_A_FORM = 1;

    /** Accepted like every command's (the README promises it); parse itself reads no register. */
    @CommandLine.Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Word/Excel文件")
    private Path file = Path.of("");

    @Option(names = "--json", description = "输出JSON（字段名见proposal-fields.md）")
    private boolean json;

    @Option(names = "--reference", paramLabel = "DIR", description = "国家目录（行业分类、职业大典等）所在目录，默认 reference/")
    private Path referenceDir = Catalogues.DEFAULT_DIRECTORY;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("文件不存在或不是普通文件：" + file + "；请给出一份 Word 或 Excel 文件（.docx、.doc、.xlsx、.xls）。");
            return NOT_A_FORM;
        }
        ReadResult read = new FormReader().read(file, String.valueOf(file.getFileName()));
        ReadResult result = new FormChecks(Catalogues.load(referenceDir), Clock.systemDefaultZone()).check(read);
        if (!result.isForm()) {
            err.println(reasonNotForm(result));
            return NOT_A_FORM;
        }
        out.println(json ? FormJson.toJson(result) : summary(result));
        return 0;
    }

    private static String reasonNotForm(ReadResult result) {
        return result.findings().stream().filter(Finding::isError).findFirst().map(Finding::message)
                .orElse("不是新职业建议书或新职业信息汇总表（识别为：" + result.documentClass().label() + "）");
    }

    private static String summary(ReadResult result) {
        StringBuilder text = new StringBuilder();
        if (result.proposal() != null) {
            proposal(result.proposal(), text);
        } else if (result.summaryTable() != null) {
            summaryTable(result.summaryTable(), text);
        }
        findings(result.allFindings(), text);
        return text.toString().stripTrailing();
    }

    private static void proposal(Proposal proposal, StringBuilder text) {
        line(text, "类型", "新职业建议书");
        line(text, "申报单位/个人", proposal.applicant());
        line(text, "填写时间", proposal.filledDate() == null ? proposal.filledDateText() : proposal.filledDate().toString());
        line(text, "申报类别", proposal.category() == null ? "" : proposal.category().label());
        line(text, "职业（工种）名称", proposal.occupation().name());
        line(text, "备选名称", String.join("；", proposal.occupation().alternativeNames()));
        line(text, "所属行业", proposal.occupation().industry());
        line(text, "相关职业编码", String.join("、", proposal.occupation().relatedCodes()));
        line(text, "主要工作任务", proposal.tasks().size() + "项");
        line(text, "用人单位", proposal.workforce().employers().size() + "家");
        line(text, "联系人", proposal.contact().person() + " " + proposal.contact().phone() + " "
                + proposal.contact().email());
    }

    private static void summaryTable(SummaryTable table, StringBuilder text) {
        line(text, "类型", "新职业信息汇总表");
        line(text, "地市", table.city());
        line(text, "填表人及联系方式", table.preparer());
        line(text, "填报时间", table.filledDate() == null ? table.filledDateText() : table.filledDate().toString());
        line(text, "行数", String.valueOf(table.rows().size()));
        for (SummaryTable.Row row : table.rows()) {
            text.append("  ").append(row.no()).append(' ').append(row.name()).append('（')
                    .append(row.category() == null ? "类别未识别" : row.category().label()).append('）')
                    .append(' ').append(row.applicant()).append('\n');
        }
    }

    private static void findings(List<Finding> findings, StringBuilder text) {
        line(text, "问题", findings.isEmpty() ? "无" : findings.size() + "项");
        for (Finding finding : findings) {
            text.append("  [").append(finding.isError() ? "错误" : "提示").append("] ").append(finding.message())
                    .append('\n');
        }
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label).append("：").append(value.strip()).append('\n');
    }
}
