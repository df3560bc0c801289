package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The boxes of 附件1 新职业建议书 in the order of the form, each with its JSON path
 * (proposal-fields.md), its Chinese label and its text: what a case page shows, what a version
 * comparison walks, and where a finding is placed (beside the box its {@code field} names).
 */
public final class ProposalFields {

    /** One box: {@code path} as in proposal-fields.md, e.g. {@code analysis.background}. */
    public record Field(String path, String label, Function<Proposal, String> text) {}

    /** A box with its text and the findings about it. */
    public record FilledField(String path, String label, String text, List<Finding> findings) {
        public FilledField {
            findings = List.copyOf(findings);
        }
    }

    public static final List<Field> FIELDS = List.of(
            new Field("applicant", "申报单位/个人", Proposal::applicant),
            new Field("filled_date", "填写时间", proposal -> proposal.filledDate() == null ? proposal.filledDateText()
                    : proposal.filledDate().toString()),
            new Field("category", "一、申报类别", proposal -> proposal.category() == null ? "" : proposal.category().label()),
            new Field("occupation.name", "职业（工种）名称", proposal -> proposal.occupation().name()),
            new Field("occupation.alternative_names", "备选名称", proposal -> numbered(proposal.occupation().alternativeNames())),
            new Field("occupation.definition", "职业（工种）定义", proposal -> proposal.occupation().definition()),
            new Field("occupation.related", "与相关职业（工种）的关系", proposal -> proposal.occupation().related()),
            new Field("occupation.industry", "所属行业", proposal -> proposal.occupation().industry()),
            new Field("tasks", "主要工作任务", ProposalFields::tasks),
            new Field("requirements.ethics", "职业操守与职业道德", proposal -> proposal.requirements().ethics()),
            new Field("requirements.education", "基本文化程度", proposal -> proposal.requirements().education()),
            new Field("requirements.special_abilities", "特殊能力", proposal -> proposal.requirements().specialAbilities()),
            new Field("requirements.physical", "身体素质与体能", proposal -> proposal.requirements().physical()),
            new Field("requirements.teamwork", "人际协作", proposal -> proposal.requirements().teamwork()),
            new Field("requirements.safety", "职业安全", proposal -> proposal.requirements().safety()),
            new Field("workforce.national_count", "全国从业人数", proposal -> proposal.workforce().nationalCount()),
            new Field("workforce.regional_distribution", "地区分布情况", proposal -> proposal.workforce().regionalDistribution()),
            new Field("workforce.market", "最近一年劳动力市场供需情况", proposal -> proposal.workforce().market()),
            new Field("workforce.pay", "薪酬情况", proposal -> proposal.workforce().pay()),
            new Field("workforce.data_sources", "数据来源", proposal -> proposal.workforce().dataSources()),
            new Field("workforce.employers", "吸纳从业人员较多的用人单位", proposal -> lines(proposal.workforce().employers().stream()
                    .map(one -> join(one.name(), one.address(), one.phone())).toList())),
            new Field("analysis.background", "产生背景", proposal -> proposal.analysis().background()),
            new Field("analysis.role", "在经济社会发展中的作用", proposal -> proposal.analysis().role()),
            new Field("analysis.technology", "技术和从业方式的发展变化情况", proposal -> proposal.analysis().technology()),
            new Field("analysis.prospects", "发展前景", proposal -> proposal.analysis().prospects()),
            new Field("training.schools", "学校教育情况", proposal -> lines(proposal.training().schools().stream()
                    .map(one -> join(one.institution(), one.major(), one.courses())).toList())),
            new Field("training.institutions", "培训机构情况", proposal -> lines(proposal.training().institutions().stream()
                    .map(one -> join(one.name(), one.address(), one.phone())).toList())),
            new Field("laws", "七、有关法律法规情况", Proposal::laws),
            new Field("abroad.countries", "八、国家或地区", proposal -> numbered(proposal.abroad().countries())),
            new Field("abroad.similar_names", "同类职业（工种）名称", proposal -> numbered(proposal.abroad().similarNames())),
            new Field("abroad.main_tasks", "主要工作内容", proposal -> numbered(proposal.abroad().mainTasks())),
            new Field("abroad.requirements", "对从业人员要求", proposal -> proposal.abroad().requirements()),
            new Field("abroad.standards", "相关职业（工种）标准情况", proposal -> proposal.abroad().standards()),
            new Field("abroad.training", "专业教育与职业（工种）培训情况", proposal -> proposal.abroad().training()),
            new Field("contact.address", "通讯地址", proposal -> proposal.contact().address()),
            new Field("contact.person", "联系人", proposal -> proposal.contact().person()),
            new Field("contact.phone", "联系电话", proposal -> proposal.contact().phone()),
            new Field("contact.email", "电子信箱", proposal -> proposal.contact().email()),
            new Field("other", "十、其他需要说明的情况", Proposal::other));

    private ProposalFields() {}

    /** Every box in form order with the findings about it; findings naming no box come back in {@link #unplaced}. */
    public static List<FilledField> fill(Proposal proposal) {
        List<FilledField> filled = new ArrayList<>();
        for (Field field : FIELDS) {
            filled.add(new FilledField(field.path(), field.label(), field.text().apply(proposal),
                    proposal.findings().stream().filter(finding -> belongsTo(finding, field.path())).toList()));
        }
        return filled;
    }

    /** Findings that name no box of the form (about the file or the whole proposal). */
    public static List<Finding> unplaced(List<Finding> findings) {
        return findings.stream().filter(finding -> FIELDS.stream().noneMatch(field -> belongsTo(finding, field.path()))).toList();
    }

    /** The labels of the boxes whose text differs between two versions of a proposal, in form order. */
    public static List<String> changes(Proposal before, Proposal after) {
        return FIELDS.stream().filter(field -> !Objects.equals(field.text().apply(before), field.text().apply(after)))
                .map(Field::label).toList();
    }

    /** {@code tasks[2].content} belongs to {@code tasks}; {@code occupation.name} to itself. */
    static boolean belongsTo(Finding finding, String path) {
        String field = finding.field();
        return field != null && (field.equals(path) || field.startsWith(path + "[") || field.startsWith(path + "."));
    }

    private static String tasks(Proposal proposal) {
        return lines(proposal.tasks().stream().map(task -> task.no() + ". " + task.content()
                + (task.tools().isEmpty() ? "" : "（工具/设备：" + task.tools() + "）")
                + (task.techniques().isEmpty() ? "" : "（专门技术：" + task.techniques() + "）")).toList());
    }

    private static String numbered(List<String> items) {
        List<String> lines = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            lines.add((index + 1) + ". " + items.get(index));
        }
        return lines(lines);
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(part -> !part.isBlank()).collect(Collectors.joining("，"));
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines);
    }

    static String categoryLabel(String code) {
        return Category.fromCode(code).map(Category::label).orElse(code);
    }
}
