package cn.gdhrss.intake.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One 新职业信息汇总表 to write: {@code city} names the title (a 地级以上市 such as "广州市", or
 * {@link #PROVINCE} for the province-wide table); lines are numbered afresh 1..n in the given order.
 */
public record SummaryReport(String city, String preparer, LocalDate filledDate, List<SummaryLine> lines) {

    /** The city of the province-wide summary. */
    public static final String PROVINCE = "全省";

    public SummaryReport {
        lines = List.copyOf(lines);
    }

    /** 新职业信息汇总表（广州市）: the 附件2 title with its xx地市 filled in. */
    public String title() {
        return "新职业信息汇总表（" + city + "）";
    }
}
