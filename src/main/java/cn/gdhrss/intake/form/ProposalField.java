package cn.gdhrss.intake.form;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of the 新职业建议书 and what each one holds. Labels are compared by
 * {@link FormText#labelKey}, so "职业(工种) 名称③" and "职业（工种）名称" are the same label.
 */
enum ProposalField {
    APPLICANT(Kind.INLINE, "申报单位/个人(盖章或签字)", "申报单位/个人", "申报单位(盖章)", "申报单位", "申报个人", "申报人"),
    FILLED_DATE(Kind.INLINE, "填写时间", "填写日期", "填表时间", "填报时间"),
    CATEGORY(Kind.TEXT, "申报类别"),
    DESCRIPTION(Kind.HEADING, "职业描述信息"),
    NAME(Kind.TEXT, "职业名称"),
    ALTERNATIVE_NAMES(Kind.LIST, "备选名称"),
    DEFINITION(Kind.TEXT, "职业定义"),
    RELATED(Kind.TEXT, "与相关职业的关系"),
    INDUSTRY(Kind.TEXT, "所属行业"),
    TASKS(Kind.GRID, "主要工作任务"),
    REQUIREMENTS(Kind.HEADING, "从业要求"),
    ETHICS(Kind.TEXT, "职业操守与职业道德"),
    EDUCATION(Kind.TEXT, "基本文化程度"),
    SPECIAL_ABILITIES(Kind.TEXT, "特殊能力"),
    PHYSICAL(Kind.TEXT, "身体素质与体能"),
    TEAMWORK(Kind.TEXT, "人际协作"),
    SAFETY(Kind.TEXT, "职业安全"),
    WORKFORCE(Kind.HEADING, "从业人员情况"),
    NATIONAL_COUNT(Kind.TEXT, "全国从业人数"),
    REGIONAL_DISTRIBUTION(Kind.TEXT, "地区分布情况"),
    MARKET(Kind.TEXT, "最近一年劳动力市场供需情况"),
    PAY(Kind.TEXT, "薪酬情况"),
    DATA_SOURCES(Kind.TEXT, "数据来源"),
    EMPLOYERS(Kind.GRID, "吸纳从业人员较多的用人单位"),
    ANALYSIS(Kind.HEADING, "职业分析"),
    BACKGROUND(Kind.TEXT, "产生背景"),
    ROLE(Kind.TEXT, "在经济社会发展中的作用"),
    TECHNOLOGY(Kind.TEXT, "与该职业直接相关的技术和从业方式的发展变化情况"),
    PROSPECTS(Kind.TEXT, "发展前景"),
    TRAINING(Kind.HEADING, "职业教育与培训情况"),
    SCHOOLS(Kind.HEADING, "学校教育情况"),
    SCHOOL_INSTITUTION(Kind.LIST, "院校名称"),
    SCHOOL_MAJOR(Kind.LIST, "专业名称"),
    SCHOOL_COURSES(Kind.LIST, "主干课程"),
    INSTITUTIONS(Kind.GRID, "培训机构情况"),
    LAWS(Kind.TEXT, "有关法律法规情况"),
    ABROAD(Kind.HEADING, "国外相关情况"),
    COUNTRIES(Kind.LIST, "国家或地区"),
    SIMILAR_NAMES(Kind.LIST, "同类职业名称"),
    MAIN_TASKS(Kind.LIST, "主要工作内容"),
    ABROAD_REQUIREMENTS(Kind.TEXT, "对从业人员要求"),
    ABROAD_STANDARDS(Kind.TEXT, "相关职业标准情况"),
    ABROAD_TRAINING(Kind.TEXT, "专业教育与职业培训情况"),
    CONTACT(Kind.HEADING, "联系信息"),
    ADDRESS(Kind.TEXT, "通讯地址"),
    PERSON(Kind.TEXT, "联系人"),
    PHONE(Kind.TEXT, "联系电话", "电话", "手机", "手机号码", "联系方式"),
    EMAIL(Kind.TEXT, "电子信箱", "电子邮箱", "电子邮件", "邮箱", "E-mail", "Email"),
    OTHER(Kind.TEXT, "其他需要说明的情况");

    /** How a label's value is laid out. */
    enum Kind {
        /** Only as "label：value" on one line (the cover of the form). */
        INLINE,
        /** A section heading: no value, ends the previous field. */
        HEADING,
        /** Text in the cells to its right or in the rows below. */
        TEXT,
        /** Numbered entries (1. 2. …), one or more per cell. */
        LIST,
        /** A table of rows under a header row. */
        GRID
    }

    private static final Map<String, ProposalField> BY_KEY = new HashMap<>();

    static {
        for (ProposalField field : values()) {
            for (String label : field.labels) {
                BY_KEY.put(FormText.labelKey(label).toLowerCase(Locale.ROOT), field);
            }
        }
    }

    private final Kind kind;
    private final List<String> labels;

    ProposalField(Kind kind, String... labels) {
        this.kind = kind;
        this.labels = List.of(labels);
    }

    Kind kind() {
        return kind;
    }

    /**
     * The field a cell's whole text names, tolerating a remark in brackets after the label
     * ("全国从业人数（人）").
     */
    static Optional<ProposalField> find(String cellText) {
        String key = FormText.labelKey(cellText).toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.length() > 40) {
            return Optional.empty();
        }
        ProposalField field = BY_KEY.get(key);
        if (field == null && key.endsWith(")") && key.indexOf('(') > 0) {
            field = BY_KEY.get(key.substring(0, key.lastIndexOf('(')));
        }
        return Optional.ofNullable(field);
    }
}
