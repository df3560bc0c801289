package cn.gdhrss.intake.register;

import org.jspecify.annotations.Nullable;

/**
 * One case's row of a period summary, as the register holds it. {@code cityReviewed} is true when a
 * 地市初审 is recorded, else the 汇总表's 地市是否有初审 when one came with the proposal, else null.
 */
public record SummaryRecord(
        String reference,
        String city,
        String category,
        String name,
        String alternativeNames,
        String definition,
        String related,
        String industry,
        String applicant,
        String contactPerson,
        String contactPhone,
        @Nullable Boolean cityReviewed,
        String status) {}
