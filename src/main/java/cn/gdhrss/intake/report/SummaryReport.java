package cn.gdhrss.intake.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One 新职业信息汇总表 to write: {@code city} names the title (a 地级以上市 such as "广州市", or
 * {@link #PROVINCE} for the province-wide table); lines, the cases that go forward, are numbered
 * afresh 1..n in the given order; {@code excluded} are the period's other cases (issue 8);
 * {@code cityRows} the cities the 统计 sheet lists even when they count zero.
 */
public record SummaryReport(
        String city, String preparer, LocalDate filledDate, List<SummaryLine> lines, List<ExcludedLine> excluded,
        List<String> cityRows) {

    /** The city of the province-wide summary. */
    public static final String PROVINCE = "全省";

    public SummaryReport {
        lines = List.copyOf(lines);
        excluded = List.copyOf(excluded);
        cityRows = List.copyOf(cityRows);
    }

    /** A summary of {@code lines} alone, every case listed, the 统计 sheet naming only the cities it counts. */
    public SummaryReport(String city, String preparer, LocalDate filledDate, List<SummaryLine> lines) {
        this(city, preparer, filledDate, lines, List.of(), List.of());
    }

    /** 新职业信息汇总表（广州市）: the 附件2 title with its xx地市 filled in. */
    public String title() {
        return "新职业信息汇总表（" + city + "）";
    }
}
