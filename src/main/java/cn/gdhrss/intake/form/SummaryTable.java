package cn.gdhrss.intake.form;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 新职业信息汇总表 (附件2). {@code city} is the xx地市 of the title, "" when the title names none.
 */
public record SummaryTable(
        String city,
        String preparer,
        @Nullable LocalDate filledDate,
        String filledDateText,
        List<Row> rows,
        List<Finding> findings) {

    public SummaryTable {
        rows = List.copyOf(rows);
        findings = List.copyOf(findings);
    }

    public SummaryTable withFindings(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new SummaryTable(city, preparer, filledDate, filledDateText, rows, all);
    }

    /** One row; {@code cityReviewed} is null when the 地市是否有初审 cell is blank or unreadable. */
    public record Row(
            String no,
            @Nullable Category category,
            String name,
            String alternativeNames,
            String definition,
            String related,
            String industry,
            String applicant,
            String contact,
            @Nullable Boolean cityReviewed) {}
}
