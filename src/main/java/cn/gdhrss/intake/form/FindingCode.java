package cn.gdhrss.intake.form;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every finding the checks of issue 3 produce, with its severity, the JSON path of the field it
 * is about (proposal-fields.md) and its Chinese message: the one message catalogue of the checks.
 * The code of a {@link Finding} is {@link #name()}.
 *
 * <p>Messages name the form's own labels so an applicant finds the box. Values quoted from the
 * form ({@code String} arguments) are cut to {@value #MAX_QUOTED_CHARS} characters with line
 * breaks shown as spaces; {@link CatalogueText} arguments are shown whole.
 */
public enum FindingCode {
    // 一、申报类别 and the cover
    CATEGORY_MISSING(Severity.ERROR, "category",
            "未勾选“申报类别”，请在“新职业”“新工种”“调整变更职业(工种)信息”中勾选一项"),
    CATEGORY_MULTIPLE(Severity.ERROR, "category", "“申报类别”勾选了多项，请只勾选一项"),
    APPLICANT_MISSING(Severity.ERROR, "applicant", "未填写“申报单位/个人”"),
    FILLED_DATE_MISSING(Severity.WARNING, "filled_date", "未填写“填写时间”"),
    FILLED_DATE_UNREADABLE(Severity.ERROR, "filled_date",
            "“填写时间”“%s”无法识别为日期，请按“2026年6月2日”的格式填写"),
    FILLED_DATE_IN_FUTURE(Severity.ERROR, "filled_date", "“填写时间”%s晚于今天（%s），请填写实际填表日期"),

    // 二、职业(工种)描述信息
    OCCUPATION_NAME_MISSING(Severity.ERROR, "occupation.name", "未填写“职业(工种)名称”"),
    OCCUPATION_NAME_UNUSUAL_ENDING(Severity.WARNING, "occupation.name",
            "“职业(工种)名称”“%s”不像职业名称：职业名称通常以“工”“员”“师”“人员”等结尾"),
    OCCUPATION_ALTERNATIVE_NAME_UNUSUAL_ENDING(Severity.WARNING, "occupation.alternative_names",
            "备选名称%d“%s”不像职业名称：职业名称通常以“工”“员”“师”“人员”等结尾"),
    OCCUPATION_NAME_EXISTS(Severity.ERROR, "occupation.name",
            "“职业(工种)名称”“%s”与已收录的职业(工种)“%s”（%s）相同，不能作为%s申报"),
    OCCUPATION_ALTERNATIVE_NAME_EXISTS(Severity.ERROR, "occupation.alternative_names",
            "备选名称%d“%s”与已收录的职业(工种)“%s”（%s）相同，不能作为%s的名称"),
    OCCUPATION_NAME_SIMILAR(Severity.WARNING, "occupation.name",
            "“职业(工种)名称”“%s”与已收录的职业(工种)%s相近，请在“与相关职业(工种)的关系”中说明区别"),
    OCCUPATION_ALTERNATIVE_NAME_SIMILAR(Severity.WARNING, "occupation.alternative_names",
            "备选名称%d“%s”与已收录的职业(工种)%s相近"),
    OCCUPATION_NAME_IS_GROUP(Severity.WARNING, "occupation.name",
            "“职业(工种)名称”“%s”与《大典》的%s“%s”（%s）同名"),
    OCCUPATION_NOT_FOUND(Severity.WARNING, "occupation.name",
            "调整变更的职业(工种)“%s”在2022年版《大典》及其后公布的新职业、新工种中未找到%s，请核对名称，并在“与相关职业(工种)的关系”中写明其编码"),
    OCCUPATION_RENAMED(Severity.WARNING, "occupation.name",
            "职业“%s”（%s）在2022年后已更名为“%s”"),
    OCCUPATION_DEFINITION_MISSING(Severity.ERROR, "occupation.definition", "未填写“职业(工种)定义”"),
    OCCUPATION_RELATED_MISSING(Severity.WARNING, "occupation.related",
            "未填写“与相关职业(工种)的关系”：请列出《大典》中相关或相近的职业名称及编码，并说明其区别"),
    OCCUPATION_RELATED_CODE_MISSING(Severity.WARNING, "occupation.related",
            "“与相关职业(工种)的关系”中没有职业编码：请写出《大典》中相关职业的编码（如2-02-38-01）"),
    OCCUPATION_RELATED_CODE_UNKNOWN(Severity.WARNING, "occupation.related",
            "“与相关职业(工种)的关系”中的编码%s在2022年版《大典》及其后公布的新职业中未查到（参考目录不全，请工作人员核实）"),
    OCCUPATION_INDUSTRY_MISSING(Severity.ERROR, "occupation.industry", "未填写“所属行业”"),
    OCCUPATION_INDUSTRY_UNKNOWN(Severity.ERROR, "occupation.industry",
            "“所属行业”“%s”不是《国民经济行业分类》（GB/T 4754-2017）中的行业名称%s"),
    TASKS_MISSING(Severity.ERROR, "tasks", "“主要工作任务”至少须填写一项内容"),

    // 三 to 八: required by the form's 填写说明 except for 调整变更 (footnote ②)
    REQUIREMENTS_EMPTY(Severity.WARNING, "requirements", "“三、从业要求”各项均未填写（申报%s须填写第三至第八项）"),
    WORKFORCE_EMPTY(Severity.WARNING, "workforce", "“四、从业人员情况”各项均未填写（申报%s须填写第三至第八项）"),
    ANALYSIS_EMPTY(Severity.WARNING, "analysis", "“五、职业(工种)分析”各项均未填写（申报%s须填写第三至第八项）"),
    TRAINING_EMPTY(Severity.WARNING, "training",
            "“六、职业(工种)教育与培训情况”各项均未填写（申报%s须填写第三至第八项）"),
    LAWS_EMPTY(Severity.WARNING, "laws", "“七、有关法律法规情况”未填写（如无相关法律法规，请填写“无”）"),
    ABROAD_EMPTY(Severity.WARNING, "abroad", "“八、国外相关情况”各项均未填写（申报%s须填写第三至第八项）"),
    ANALYSIS_BACKGROUND_TOO_LONG(Severity.ERROR, "analysis.background", "产生背景超过400字（现为%d字）"),
    ANALYSIS_ROLE_TOO_LONG(Severity.ERROR, "analysis.role", "在经济社会发展中的作用超过300字（现为%d字）"),
    ANALYSIS_TECHNOLOGY_TOO_LONG(Severity.ERROR, "analysis.technology",
            "与该职业(工种)直接相关的技术和从业方式的发展变化情况超过400字（现为%d字）"),
    ANALYSIS_PROSPECTS_TOO_LONG(Severity.ERROR, "analysis.prospects", "发展前景超过200字（现为%d字）"),

    // 九、联系信息
    CONTACT_PERSON_MISSING(Severity.ERROR, "contact.person", "未填写“联系人”"),
    CONTACT_PHONE_MISSING(Severity.ERROR, "contact.phone", "未填写“联系电话”"),
    CONTACT_PHONE_INVALID(Severity.ERROR, "contact.phone",
            "“联系电话”“%s”不是有效的电话号码：固定电话须带区号（如020-83305821），手机号码为11位"),
    CONTACT_EMAIL_MISSING(Severity.ERROR, "contact.email", "未填写“电子信箱”"),
    CONTACT_EMAIL_INVALID(Severity.ERROR, "contact.email", "“电子信箱”“%s”不是有效的电子邮箱地址"),
    CONTACT_EMAIL_FULL_WIDTH(Severity.ERROR, "contact.email",
            "“电子信箱”“%s”含全角字符“%s”，请改为半角（如“@”“.”）"),

    // 新职业信息汇总表: per table
    SUMMARY_CITY_MISSING(Severity.ERROR, "city", "汇总表标题未写明地市（“新职业信息汇总表（xx地市）”）"),
    SUMMARY_CITY_UNKNOWN(Severity.WARNING, "city", "汇总表标题中的地市“%s”不是广东省的地级以上市"),
    SUMMARY_ROWS_MISSING(Severity.ERROR, "rows", "汇总表中没有填写任何新职业"),
    SUMMARY_ROW_CATEGORY_MISSING(Severity.ERROR, "rows[].category",
            "汇总表序号%s未填写“申报类别”（新职业、新工种、调整变更职业（工种）信息三选其一）"),
    SUMMARY_ROW_NAME_MISSING(Severity.ERROR, "rows[].name", "汇总表序号%s未填写“职业（工种）名称”"),
    SUMMARY_ROW_DEFINITION_MISSING(Severity.ERROR, "rows[].definition", "汇总表序号%s未填写“职业（工种）定义”"),
    SUMMARY_ROW_INDUSTRY_MISSING(Severity.ERROR, "rows[].industry", "汇总表序号%s未填写“所属行业”"),
    SUMMARY_ROW_APPLICANT_MISSING(Severity.ERROR, "rows[].applicant", "汇总表序号%s未填写“申报单位”"),
    SUMMARY_ROW_CONTACT_MISSING(Severity.ERROR, "rows[].contact", "汇总表序号%s未填写“联系人及电话”"),
    SUMMARY_ROW_CITY_REVIEWED_MISSING(Severity.WARNING, "rows[].city_reviewed",
            "汇总表序号%s未填写“地市是否有初审”（是/否）"),

    // 新职业信息汇总表 against the 建议书 (备注: 汇总表各项内容应该与新职业申报书对应内容保持一致)
    SUMMARY_ROW_CATEGORY_MISMATCH(Severity.ERROR, "rows[].category",
            "汇总表序号%s的“申报类别”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_NAME_MISMATCH(Severity.ERROR, "rows[].name",
            "汇总表序号%s的“职业（工种）名称”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_ALTERNATIVE_NAMES_MISMATCH(Severity.ERROR, "rows[].alternative_names",
            "汇总表序号%s的“备选名称”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_DEFINITION_MISMATCH(Severity.ERROR, "rows[].definition",
            "汇总表序号%s的“职业（工种）定义”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_RELATED_MISMATCH(Severity.ERROR, "rows[].related",
            "汇总表序号%s的“与相关职业（工种）的关系”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_INDUSTRY_MISMATCH(Severity.ERROR, "rows[].industry",
            "汇总表序号%s的“所属行业”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_APPLICANT_MISMATCH(Severity.ERROR, "rows[].applicant",
            "汇总表序号%s的“申报单位”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_CONTACT_MISMATCH(Severity.ERROR, "rows[].contact",
            "汇总表序号%s的“联系人及电话”与建议书不一致（汇总表：%s；建议书：%s）"),
    SUMMARY_ROW_WITHOUT_PROPOSAL(Severity.ERROR, "rows[]",
            "汇总表序号%s的“%s”（%s）没有对应的新职业建议书"),
    SUMMARY_PROPOSAL_MISSING_FROM_TABLE(Severity.ERROR, "rows",
            "新职业建议书“%s”（%s）未列入汇总表");

    /**
     * Text composed from the catalogues (a list of similar names, suggestions), shown whole in a
     * message; plain {@code String} values are quoted from the form and cut.
     */
    public record CatalogueText(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Longest value quoted from a form in a message. */
    public static final int MAX_QUOTED_CHARS = 40;

    private final Severity severity;
    private final String field;
    private final String template;

    FindingCode(Severity severity, String field, String template) {
        this.severity = severity;
        this.field = field;
        this.template = template;
    }

    public Severity severity() {
        return severity;
    }

    /** The JSON path this code is about; {@code rows[]} stands for any row of a summary table. */
    public String field() {
        return field;
    }

    /** The finding about this code's own field; {@code values} fill the message's %s and %d in order. */
    public Finding finding(Object... values) {
        return at(field, values);
    }

    /** The finding about {@code path}, e.g. {@code rows[2].industry} or {@code occupation.alternative_names[0]}. */
    public Finding at(@Nullable String path, Object... values) {
        Object[] quoted = Arrays.stream(values).map(FindingCode::quoted).toArray();
        return new Finding(name(), severity, path, String.format(Locale.ROOT, template, quoted));
    }

    /** The field path of a summary-table row: {@code rows[3].name} for index 3 of this code's column. */
    public String rowField(int rowIndex) {
        return field.replace("rows[]", "rows[" + rowIndex + "]");
    }

    private static Object quoted(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String head = text.length() > MAX_QUOTED_CHARS * 8 ? text.substring(0, MAX_QUOTED_CHARS * 8) : text;
        String oneLine = head.strip().replaceAll("\\s+", " ");
        int cut = oneLine.offsetByCodePoints(0, Math.min(MAX_QUOTED_CHARS, oneLine.codePointCount(0, oneLine.length())));
        return cut < oneLine.length() ? oneLine.substring(0, cut) + "…" : oneLine;
    }
}
