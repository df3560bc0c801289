package cn.gdhrss.intake.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One case as staff list it: its current proposal (the latest version that carried one) with the
 * message that carried it, the city and period, and its reviews oldest first. {@code category} is the form's code
 * (new_occupation...), "" when unknown; {@code period} is null until the case is attributed.
 */
public record CaseRow(
        String reference,
        Instant receivedAt,
        String city,
        @Nullable LocalDate period,
        String category,
        String name,
        String applicant,
        String industry,
        String status,
        long proposalId,
        long messageRef,
        List<ReviewRecord> reviews) {

    public CaseRow {
        reviews = List.copyOf(reviews);
    }
}
