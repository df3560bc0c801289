package cn.gdhrss.intake.report;

import java.time.LocalDate;
import java.util.List;

/** What 附件2 prints, shared by the workbook and the document so the two cannot drift apart. */
final class SummaryLayout {

    /** The ten column headers of 附件2, in order. */
    static final List<String> HEADERS = List.of(
            "序号", "申报类别", "职业（工种）名称", "备选名称", "职业（工种）定义",
            "与相关职业（工种）的关系", "所属行业", "申报单位", "联系人及电话", "地市是否有初审");

    /**
     * Column widths in characters of the default font; their sum fits an A4 landscape page at
     * about 80 % scale, the definition and relation columns get the room their text needs, and
     * 序号 (four digits) and 联系人及电话 (a 13-character number) hold their numbers on one line even
     * in a wide Latin font (DejaVu Sans, which LibreOffice puts in for 宋体's digits where 宋体 is missing).
     */
    static final List<Integer> WIDTHS = List.of(7, 10, 14, 12, 30, 24, 14, 18, 20, 9);

    /** The columns of 未列入汇总表的申报 (issue 8), and their widths as {@link #WIDTHS}. */
    static final List<String> EXCLUDED_HEADERS = List.of(
            "序号", "受理编号", "收到日期", "地市", "职业（工种）名称", "申报单位", "发件人", "状态", "未列入原因");

    /** Wide enough that a reference number (13 characters) or a date (10) stays on one line in the .docx, too. */
    static final List<Integer> EXCLUDED_WIDTHS = List.of(7, 22, 16, 9, 16, 18, 22, 12, 36);

    static final String EXCLUDED_TITLE = "未列入汇总表的申报";

    static final String PREPARER_LABEL = "填表人及联系方式（单位盖章）：";
    static final String FILLED_DATE_LABEL = "填报时间：";
    static final String ATTACHMENT_LABEL = "附件2";

    /** 备注 and its five numbered notes, word for word from the notice. */
    static final List<String> NOTES = List.of(
            "备注：汇总表各项内容应该与新职业申报书对应内容保持一致。",
            "1.申报类别包括：新职业、新工种、调整变更职业（工种）信息，三选其一。其中：新职业是指在《中华人民共和国职业分类大典（2022年版）》"
                    + "（以下简称《大典》）及人社部新职业信息发布文件中未收录的职业；新工种是指在《大典》中已收录职业下新增工种；"
                    + "调整变更职业（工种）信息是指调整或变更《大典》中已有职业或工种相关信息。",
            "2.职业（工种）名称：由最能说明该职业类别特性的组合名词构成，如：**工，**员，**师等。",
            "3.职业（工种）定义：用简练的语句表述职业的本质属性。",
            "4.与相关职业（工种）的关系：列出《大典》中与所填新职业相关或相近的职业名称及编码，并说明其区别。",
            "5.所属行业：请参照最新版《中华人民共和国国民经济行业分类》中的行业名称规范填写。");

    private SummaryLayout() {}

    /** 未列入汇总表的申报（广州市）. */
    static String excludedTitle(SummaryReport report) {
        return EXCLUDED_TITLE + "（" + report.city() + "）";
    }

    /** The line under that title. */
    static final String EXCLUDED_INTRODUCTION =
            "汇总表只列有《新职业建议书》、无待补正错误、未合并、撤回、重复或非申报、未被地市初审或省级论证否决的申报；本期其余申报如下。";

    /** The line after the table: how many cases of the period are not in the 汇总表. */
    static String excludedTotal(int count) {
        return count == 0 ? "本期所有申报均已列入汇总表。" : "共 " + count + " 件未列入汇总表。";
    }

    /** The eight text values of an excluded case after 序号, in column order. */
    static List<String> excludedValues(ExcludedLine line) {
        return List.of(line.reference(), line.received().toString(), line.city(), line.name(), line.applicant(),
                line.sender(), line.status(), line.reason());
    }

    static String preparerLine(SummaryReport report) {
        return PREPARER_LABEL + CellText.clean(report.preparer());
    }

    static String filledDateLine(SummaryReport report) {
        return FILLED_DATE_LABEL + chineseDate(report.filledDate());
    }

    /** 2026年12月31日, the way the forms write a date. */
    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The nine text values of a line after 序号, in column order. */
    static List<String> values(SummaryLine line) {
        return List.of(
                line.category(), line.name(), line.alternativeNames(), line.definition(), line.related(),
                line.industry(), line.applicant(), line.contact(), line.cityReviewed());
    }
}
