package cn.gdhrss.intake.register;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One case of a period as its summary needs it, with or without a proposal (issue 8: every case of
 * the period is either a row of the 汇总表 or a row of 未列入汇总表的申报). The proposal's columns
 * are "" when the case has none ({@code hasProposal} false). {@code errorCount} counts the errors of
 * the case's current version, {@code errorCodes} and {@code firstError} name them;
 * {@code cityReview} and {@code provinceReview} are the latest result (pass, fail, cultivate) of
 * each stage, null when none is recorded; {@code mergedInto} the case a merged or duplicate case went into.
 */
public record SummaryRecord(
        String reference,
        String city,
        String kind,
        Instant receivedAt,
        String fromAddress,
        boolean hasProposal,
        String category,
        String name,
        String alternativeNames,
        String definition,
        String related,
        String industry,
        String applicant,
        String contactPerson,
        String contactPhone,
        String status,
        int errorCount,
        List<String> errorCodes,
        String firstError,
        boolean messageFailed,
        @Nullable String cityReview,
        String cityReviewNote,
        @Nullable String provinceReview,
        @Nullable String mergedInto) {

    public SummaryRecord {
        errorCodes = List.copyOf(errorCodes);
    }
}
