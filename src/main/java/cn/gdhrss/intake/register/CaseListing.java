package cn.gdhrss.intake.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One case of the register as staff list, search and open it, with or without a proposal (issue 8:
 * a mail without a usable form is a case too). The proposal columns come from the current
 * proposal (that of the latest version that carried one) and are "" when the case has none.
 *
 * @param kind {@code proposal}, {@code batch_item} or {@code no_form}
 * @param status a {@code CaseState} code
 * @param receivedAt when the case's first message arrived
 * @param sender the address the first message came from
 * @param latestMessage the message of the case's latest version
 * @param proposalId the current proposal, null when the case never had one
 * @param proposalMessage the message that carried the current proposal, null without one
 * @param openErrors errors of the latest version's findings: what the applicant still has to correct
 * @param city "" until the case is placed; {@code period} null until then
 * @param mergedInto the case this one was merged into, null otherwise
 * @param paperReceived the day the stamped paper copy arrived, null until then
 */
public record CaseListing(
        long id,
        String reference,
        String kind,
        String status,
        boolean flagged,
        Instant receivedAt,
        String sender,
        long latestMessage,
        @Nullable Long proposalId,
        @Nullable Long proposalMessage,
        int openErrors,
        int openWarnings,
        String category,
        String name,
        String applicant,
        String industry,
        String contactPerson,
        String contactPhone,
        String contactEmail,
        String city,
        String citySource,
        @Nullable LocalDate period,
        String periodSource,
        @Nullable String mergedInto,
        @Nullable LocalDate paperReceived,
        List<ReviewRecord> reviews) {

    public CaseListing {
        reviews = List.copyOf(reviews);
    }

    public boolean hasProposal() {
        return proposalId != null;
    }

    /** The review of {@code stage} recorded last, if any. */
    public java.util.Optional<ReviewRecord> lastReview(String stage) {
        ReviewRecord last = null;
        for (ReviewRecord review : reviews) {
            if (review.stage().equals(stage)) {
                last = review;
            }
        }
        return java.util.Optional.ofNullable(last);
    }
}
