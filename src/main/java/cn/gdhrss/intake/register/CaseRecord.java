package cn.gdhrss.intake.register;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A case: one proposal (or one mail without a usable proposal) with its reference number.
 *
 * @param kind {@code proposal}, {@code batch_item} (one proposal of a city bureau batch) or {@code no_form}
 * @param batch the reference of the first case of the batch this case came in, null outside a batch
 * @param status {@code received}, {@code needs_correction} or {@code complete}
 */
public record CaseRecord(
        long id,
        String reference,
        String kind,
        String title,
        String applicant,
        @Nullable String batch,
        String status,
        boolean flagged,
        Instant createdAt,
        Instant updatedAt) {}
