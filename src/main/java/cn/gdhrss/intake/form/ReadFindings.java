package cn.gdhrss.intake.form;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** The findings of reading, with the Chinese messages applicants and staff read. */
final class ReadFindings {

    private ReadFindings() {}

    static Finding notWord(String name, String kindLabel) {
        return Finding.error("FORM_NOT_WORD", null, String.format(Locale.ROOT,
                "《%s》是%s，不能作为新职业建议书的电子版：通知要求提交Word版（.docx或.doc），请补发Word文件。", name, kindLabel));
    }

    static Finding encrypted(String name) {
        return Finding.error("FORM_ENCRYPTED", null, String.format(Locale.ROOT,
                "《%s》设有打开密码，无法读取，请取消密码后重新发送。", name));
    }

    static Finding corrupt(String name) {
        return Finding.error("FORM_CORRUPT", null, String.format(Locale.ROOT,
                "《%s》已损坏或不是有效的Office文件，无法打开，请用Word重新保存为.docx后再发送。", name));
    }

    static Finding macro(String name) {
        return Finding.error("FORM_MACRO", null, String.format(Locale.ROOT,
                "《%s》含有宏，出于安全考虑不予受理，请另存为不含宏的Word文档（.docx）后重新发送。", name));
    }

    static Finding empty(String name) {
        return Finding.error("FORM_EMPTY", null, String.format(Locale.ROOT, "《%s》是空文件（0字节），请重新发送。", name));
    }

    static Finding tooLarge(String name, long maxBytes) {
        return Finding.error("FORM_TOO_LARGE", null, String.format(Locale.ROOT,
                "《%s》超过%d MB，无法处理，请删去大图片等内容后重新发送。", name, maxBytes / (1024 * 1024)));
    }

    static Finding unreadable(String name) {
        return Finding.error("FORM_UNREADABLE", null, String.format(Locale.ROOT, "《%s》无法读取。", name));
    }

    static Finding categoryMultiple(Collection<Category> ticked) {
        String options = ticked.stream().map(Category::label).collect(Collectors.joining("、"));
        return Finding.error("CATEGORY_MULTIPLE_TICKED", "category", String.format(Locale.ROOT,
                "申报类别勾选了多项（%s），只能选择一项。", options));
    }

    static Finding tasksSplit(int row, int tasks) {
        return Finding.warning("TASKS_SPLIT", "tasks", String.format(Locale.ROOT,
                "“主要工作任务”第%d行写了%d项任务，已按编号或分段拆分为%d项，请核对（表格要求每项任务单独填一行）。", row, tasks, tasks));
    }

    /** An error, as the checks of issue 3 rate an unreadable date; the checks then do not repeat it. */
    static Finding filledDateUnreadable(String text) {
        return Finding.error("FILLED_DATE_UNREADABLE", "filled_date", String.format(Locale.ROOT,
                "填写时间“%s”无法识别，请按“2026年7月1日”的格式填写。", text));
    }

    static Finding summaryCategoryUnreadable(int row, String text) {
        return Finding.warning("SUMMARY_CATEGORY_UNREADABLE", "rows[" + row + "].category", String.format(Locale.ROOT,
                "汇总表第%d行的申报类别“%s”无法识别，应为新职业、新工种或调整变更职业（工种）信息之一。", row + 1, text));
    }

    static Finding summaryReviewedUnreadable(int row, String text) {
        return Finding.warning("SUMMARY_CITY_REVIEWED_UNREADABLE", "rows[" + row + "].city_reviewed",
                String.format(Locale.ROOT, "汇总表第%d行的“地市是否有初审”为“%s”，应填“是”或“否”。", row + 1, text));
    }

    static Finding summaryDateUnreadable(String text) {
        return Finding.warning("FILLED_DATE_UNREADABLE", "filled_date", String.format(Locale.ROOT,
                "汇总表的填报时间“%s”无法识别，请按“2026年7月1日”的格式填写。", text));
    }
}
