package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.casefile.SubmittedForm;
import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.form.SummaryTable;
import java.time.LocalDate;
import java.util.List;

/** Forms as the parse step would give them, built in memory. */
public final class TestForms {
    private TestForms() {}

    public static Proposal proposal(String occupation, String applicant) {
        return new Proposal(applicant, LocalDate.of(2026, 7, 20), "2026年7月20日", Category.NEW_OCCUPATION,
                new Proposal.Occupation(occupation, List.of(), "从事……的人员。", "与 2-02-10-09 相关", List.of("2-02-10-09"), "软件和信息技术服务业"),
                List.of(new Proposal.Task("1", "建立数字孪生模型", "建模软件", "三维建模")),
                new Proposal.Requirements("诚信", "大专", "", "", "", ""),
                new Proposal.Workforce("约5万人", 50_000L, "珠三角", "供不应求", "月薪1万元", "行业调查", List.of()),
                new Proposal.Analysis("背景", "作用", "技术", "前景"),
                new Proposal.Training(List.of(), List.of()), "", new Proposal.Abroad(List.of(), List.of(), List.of(), "", "", ""),
                new Proposal.Contact("广州市天河区", "张三", "020-12345678", "zhangsan@example.cn"), "", List.of());
    }

    public static Finding backgroundTooLong() {
        return Finding.error("ANALYSIS_BACKGROUND_TOO_LONG", "analysis.background", "产生背景超过400字（现为523字）");
    }

    public static Finding summaryMismatch(String tableName, String proposalName) {
        return Finding.error("SUMMARY_ROW_MISMATCH", "rows[1].name",
                "汇总表第2行的职业（工种）名称“" + tableName + "”与建议书中的“" + proposalName + "”不一致");
    }

    public static SubmittedForm proposalForm(int seq, String fileName, String occupation, List<Finding> findings) {
        Proposal proposal = proposal(occupation, "广州某科技有限公司");
        return new SubmittedForm(seq, fileName, SubmittedForm.PROPOSAL, proposal, null, findings);
    }

    public static SubmittedForm summaryForm(int seq, String fileName, List<Finding> findings) {
        SummaryTable table = new SummaryTable("广州市", "王五 020-88888888", LocalDate.of(2026, 8, 1), "2026年8月1日",
                List.of(new SummaryTable.Row("1", Category.NEW_OCCUPATION, "智能网联汽车测试员", "", "定义", "关系", "汽车制造业",
                        "广州某汽车公司", "赵六 13800000000", true)), List.of());
        return new SubmittedForm(seq, fileName, SubmittedForm.SUMMARY_TABLE, null, table, findings);
    }
}
