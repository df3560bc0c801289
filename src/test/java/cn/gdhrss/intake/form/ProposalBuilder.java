package cn.gdhrss.intake.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 新职业建议书 that passes every check (a new occupation with all sections filled), changed one
 * box at a time by the tests.
 */
final class ProposalBuilder {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 1);

    String applicant = "广州市低空经济产业协会";
    @Nullable LocalDate filledDate = LocalDate.of(2026, 6, 20);
    String filledDateText = "2026年6月20日";
    @Nullable Category category = Category.NEW_OCCUPATION;
    String name = "低空物流调度员";
    List<String> alternativeNames = List.of("低空配送调度员");
    String definition = "使用低空飞行服务平台，从事无人机物流航线规划、运力调度和运行监控的人员。";
    String related = "与无人机驾驶员（4-02-04-06）相近，区别在于本职业负责多机运力调度而非单机操控。";
    List<String> relatedCodes = List.of("4-02-04-06");
    String industry = "多式联运和运输代理业";
    List<Proposal.Task> tasks = new ArrayList<>(List.of(
            new Proposal.Task("1", "规划低空物流航线并申报飞行计划", "飞行服务平台", "航线规划"),
            new Proposal.Task("2", "调度无人机运力并监控运行状态", "调度系统", "运力调度")));
    Proposal.Requirements requirements = new Proposal.Requirements(
            "遵守民航法规", "大专", "空间判断能力", "身体健康", "能与飞手协作", "遵守飞行安全规程");
    Proposal.Workforce workforce = new Proposal.Workforce("约3万人", 30_000L, "广东、四川", "供不应求",
            "月薪8000-15000元", "协会调查", List.of(new Proposal.Employer("某物流公司", "广州市天河区", "020-83305821")));
    Proposal.Analysis analysis = new Proposal.Analysis("低空经济兴起。", "降低物流成本。", "调度系统智能化。", "前景广阔。");
    Proposal.Training training = new Proposal.Training(
            List.of(new Proposal.School("某职业技术学院", "无人机应用技术", "飞行原理")), List.of());
    String laws = "《无人驾驶航空器飞行管理暂行条例》";
    Proposal.Abroad abroad = new Proposal.Abroad(List.of("美国"), List.of("Drone Dispatcher"), List.of("调度"), "", "", "");
    Proposal.Contact contact = new Proposal.Contact("广州市越秀区惠福东路546号", "张三", "020-83305821", "zhangsan@example.com");

    static ProposalBuilder valid() {
        return new ProposalBuilder();
    }

    ProposalBuilder category(@Nullable Category value) {
        category = value;
        return this;
    }

    ProposalBuilder name(String value) {
        name = value;
        return this;
    }

    ProposalBuilder alternativeNames(String... values) {
        alternativeNames = List.of(values);
        return this;
    }

    ProposalBuilder related(String text, String... codes) {
        related = text;
        relatedCodes = List.of(codes);
        return this;
    }

    ProposalBuilder industry(String value) {
        industry = value;
        return this;
    }

    ProposalBuilder definition(String value) {
        definition = value;
        return this;
    }

    ProposalBuilder applicant(String value) {
        applicant = value;
        return this;
    }

    ProposalBuilder tasks(Proposal.Task... values) {
        tasks = List.of(values);
        return this;
    }

    ProposalBuilder filledDate(@Nullable LocalDate date, String text) {
        filledDate = date;
        filledDateText = text;
        return this;
    }

    ProposalBuilder analysis(Proposal.Analysis value) {
        analysis = value;
        return this;
    }

    ProposalBuilder contact(String person, String phone, String email) {
        contact = new Proposal.Contact(contact.address(), person, phone, email);
        return this;
    }

    /** Sections 三 to 八 left wholly empty. */
    ProposalBuilder withoutSectionsThreeToEight() {
        requirements = new Proposal.Requirements("", "", "", "", "", "");
        workforce = new Proposal.Workforce("", null, "", "", "", "", List.of());
        analysis = new Proposal.Analysis("", "", "", "");
        training = new Proposal.Training(List.of(), List.of());
        laws = "";
        abroad = new Proposal.Abroad(List.of(), List.of(), List.of(), "", "", "");
        return this;
    }

    Proposal build() {
        return new Proposal(applicant, filledDate, filledDateText, category,
                new Proposal.Occupation(name, alternativeNames, definition, related, relatedCodes, industry),
                tasks, requirements, workforce, analysis, training, laws, abroad, contact, "", List.of());
    }
}
