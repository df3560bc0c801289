package cn.gdhrss.intake.report;

import java.time.LocalDate;

/**
 * One row of 未列入汇总表的申报 (issue 8): a case of the period that does not go forward, with its
 * state as staff read it and why it is not listed. {@code name} and {@code applicant} are "" for a
 * case without a proposal, whose {@code sender} then tells it. {@code category} and
 * {@code industrySection} only feed the statistics.
 */
public record ExcludedLine(
        String reference,
        LocalDate received,
        String city,
        String name,
        String applicant,
        String sender,
        String status,
        String reason,
        String category,
        String industrySection) {}
