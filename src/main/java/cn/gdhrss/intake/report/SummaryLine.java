package cn.gdhrss.intake.report;

import cn.gdhrss.intake.form.Category;
import org.jspecify.annotations.Nullable;

/**
 * One row of the 汇总表. The first nine values fill the ten columns of 附件2 (序号 is numbered by
 * the writer); {@code city}, {@code caseRef}, {@code status} and {@code industrySection} only feed
 * the statistics. {@code cityReviewed} is written as given: 是, 否 or 未初审.
 */
public record SummaryLine(
        String category,
        String name,
        String alternativeNames,
        String definition,
        String related,
        String industry,
        String applicant,
        String contact,
        String cityReviewed,
        String city,
        String caseRef,
        String status,
        String industrySection) {

    public static final String REVIEWED = "是";
    public static final String NOT_REVIEWED = "否";
    public static final String REVIEW_PENDING = "未初审";

    /**
     * The wording of 附件2's 备注 1 for a category (full-width brackets, as the notice prints it),
     * "" when the category is unknown.
     */
    public static String categoryLabel(@Nullable Category category) {
        if (category == null) {
            return "";
        }
        return category.label().replace('(', '（').replace(')', '）');
    }

    /** 是 / 否 / 未初审 for a review outcome that is true, false or not yet recorded. */
    public static String cityReviewedLabel(@Nullable Boolean cityReviewed) {
        if (cityReviewed == null) {
            return REVIEW_PENDING;
        }
        return cityReviewed ? REVIEWED : NOT_REVIEWED;
    }
}
