package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.form.Finding;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A finding as one plain Chinese sentence that names the box of the form by its own label
 * (proposal-fields.md), e.g. “产生背景（400字以内）”：产生背景超过400字（现为523字）。
 */
final class FindingSentences {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("applicant", "申报单位/个人（盖章或签字）"),
            Map.entry("filled_date", "填写时间"),
            Map.entry("category", "一、申报类别"),
            Map.entry("occupation.name", "职业(工种)名称"),
            Map.entry("occupation.alternative_names", "备选名称"),
            Map.entry("occupation.definition", "职业(工种)定义"),
            Map.entry("occupation.related", "与相关职业(工种)的关系"),
            Map.entry("occupation.related_codes", "与相关职业(工种)的关系"),
            Map.entry("occupation.industry", "所属行业"),
            Map.entry("tasks", "主要工作任务"),
            Map.entry("requirements", "三、从业要求"),
            Map.entry("requirements.ethics", "职业操守与职业道德"),
            Map.entry("requirements.education", "基本文化程度"),
            Map.entry("requirements.special_abilities", "特殊能力"),
            Map.entry("requirements.physical", "身体素质与体能"),
            Map.entry("requirements.teamwork", "人际协作"),
            Map.entry("requirements.safety", "职业安全"),
            Map.entry("workforce", "四、从业人员情况"),
            Map.entry("workforce.national_count", "全国从业人数"),
            Map.entry("workforce.regional_distribution", "地区分布情况"),
            Map.entry("workforce.market", "最近一年劳动力市场供需情况"),
            Map.entry("workforce.pay", "薪酬情况"),
            Map.entry("workforce.data_sources", "数据来源"),
            Map.entry("workforce.employers", "吸纳从业人员较多的用人单位"),
            Map.entry("analysis", "五、职业（工种）分析"),
            Map.entry("analysis.background", "产生背景（400字以内）"),
            Map.entry("analysis.role", "在经济社会发展中的作用（300字以内）"),
            Map.entry("analysis.technology", "与该职业(工种)直接相关的技术和从业方式的发展变化情况（400字以内）"),
            Map.entry("analysis.prospects", "发展前景（200字以内）"),
            Map.entry("training", "六、职业（工种）教育与培训情况"),
            Map.entry("training.schools", "学校教育情况"),
            Map.entry("training.institutions", "培训机构情况"),
            Map.entry("laws", "七、有关法律法规情况"),
            Map.entry("abroad", "八、国外相关情况"),
            Map.entry("abroad.countries", "国家或地区"),
            Map.entry("abroad.similar_names", "同类职业(工种)名称"),
            Map.entry("abroad.main_tasks", "主要工作内容"),
            Map.entry("abroad.requirements", "对从业人员要求"),
            Map.entry("abroad.standards", "相关职业(工种)标准情况"),
            Map.entry("abroad.training", "专业教育与职业(工种)培训情况"),
            Map.entry("contact", "九、联系信息"),
            Map.entry("contact.address", "通讯地址"),
            Map.entry("contact.person", "联系人"),
            Map.entry("contact.phone", "联系电话"),
            Map.entry("contact.email", "电子信箱"),
            Map.entry("other", "十、其他需要说明的情况"),
            Map.entry("city", "新职业信息汇总表（xx地市）"),
            Map.entry("preparer", "填表人及联系方式（单位盖章）"),
            Map.entry("rows", "汇总表"),
            Map.entry("no", "序号"),
            Map.entry("name", "职业（工种）名称"),
            Map.entry("definition", "职业（工种）定义"),
            Map.entry("industry", "所属行业"),
            Map.entry("city_reviewed", "地市是否有初审"));
    private static final int MAX_LENGTH = 500;

    /** The 汇总表 (附件2) columns, for findings on a row of it. */
    private static final Map<String, String> SUMMARY_COLUMNS = Map.ofEntries(
            Map.entry("no", "序号"),
            Map.entry("category", "申报类别"),
            Map.entry("name", "职业（工种）名称"),
            Map.entry("alternative_names", "备选名称"),
            Map.entry("definition", "职业（工种）定义"),
            Map.entry("related", "与相关职业（工种）的关系"),
            Map.entry("industry", "所属行业"),
            Map.entry("applicant", "申报单位"),
            Map.entry("contact", "联系人及电话"),
            Map.entry("contact_person", "联系人及电话"),
            Map.entry("contact_phone", "联系人及电话"),
            Map.entry("city_reviewed", "地市是否有初审"));
    /** Findings meant for staff, never sent to an applicant (issue 10). */
    private static final java.util.Set<String> STAFF_ONLY = java.util.Set.of("PROPOSAL_DUPLICATE_IN_REGISTER");
    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^rows\\[(\\d+)]\\.([a-z_]+).*");

    private FindingSentences() {}

    /**
     * The findings as the applicant reads them (issue 10): one sentence per problem, stated once —
     * a field with several findings (an e-mail written {@code name@163,com}) is one problem —
     * without findings meant for staff or staff wording, a 汇总表 row named by its column.
     */
    static java.util.List<String> forApplicant(java.util.List<Finding> findings) {
        java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
        for (Finding finding : findings) {
            if (STAFF_ONLY.contains(finding.code()) || finding.message().contains("工作人员")) {
                continue;
            }
            String key = finding.field() == null || finding.field().isBlank() ? finding.code() + finding.message() : finding.field();
            byField.putIfAbsent(key, applicantSentence(finding));
        }
        return byField.values().stream().distinct().limit(100).toList();
    }

    private static String applicantSentence(Finding finding) {
        String message = finding.message().strip().replace("压缩炸弹", "展开后过大的压缩包");
        java.util.regex.Matcher row = ROW.matcher(finding.field() == null ? "" : finding.field());
        String label = row.matches()
                ? "汇总表第" + (Integer.parseInt(row.group(1)) + 1) + "行“" + SUMMARY_COLUMNS.getOrDefault(row.group(2), row.group(2)) + "”"
                : labelOf(finding.field());
        StringBuilder sentence = new StringBuilder();
        if (label != null && !message.contains(label) && !(row.matches() && message.contains("汇总表"))) {
            sentence.append(row.matches() ? label + "：" : "“" + label + "”：");
        }
        sentence.append(message);
        if (!message.matches("(?s).*[。！？.!?]$")) {
            sentence.append("。");
        }
        if (message.contains("已收录") && message.contains("不能作为")) {
            // The notice (一、征集范围): an occupation already in the 大典 may come as a new 工种 or as a change.
            sentence.append("如该职业已收录但内涵发生了重大变化，可按通知改为申报“新工种”或“调整变更职业(工种)信息”。");
        }
        String text = sentence.toString();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    /** The sentence for {@code finding} in the document called {@code fileName} ("" for the mail itself). */
    static String of(Finding finding, String fileName) {
        StringBuilder sentence = new StringBuilder();
        if (!fileName.isEmpty()) {
            sentence.append("附件“").append(fileName).append("”中，");
        }
        String label = labelOf(finding.field());
        if (label != null && !finding.message().contains(label)) {
            sentence.append("“").append(label).append("”：");
        }
        String message = finding.message().strip();
        sentence.append(message);
        if (!message.matches("(?s).*[。！？.!?]$")) {
            sentence.append("。");
        }
        if (message.contains("已收录") && message.contains("不能作为")) {
            // The notice (一、征集范围): an occupation already in the 大典 may come as a new 工种 or as a change.
            sentence.append("如该职业已收录但内涵发生了重大变化，可按通知改为申报“新工种”或“调整变更职业(工种)信息”。");
        }
        String text = sentence.toString();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    /** The form's label for a JSON path such as {@code analysis.background} or {@code tasks[2].content}. */
    static @Nullable String labelOf(@Nullable String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String path = field.replaceAll("\\[\\d+]", "").replaceFirst("^rows\\.", "");
        while (!path.isEmpty()) {
            String label = LABELS.get(path);
            if (label != null) {
                return label;
            }
            int dot = path.lastIndexOf('.');
            path = dot < 0 ? "" : path.substring(0, dot);
        }
        return null;
    }
}
