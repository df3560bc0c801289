package cn.gdhrss.intake.register;

import java.time.Clock;
import java.util.List;

/**
 * Reviews of cases as reporting records them (issue 5), for any case of the register, one read
 * before cases were filed ({@code P-} references) too; each with its audit line.
 */
public final class ReviewRepository {
    private final Database database;
    private final Clock clock;

    public ReviewRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records a review and its audit event in one transaction. */
    public void addReview(ReviewRecord review, String auditDetail) {
        database.inTransaction(connection -> {
            Reviews.insert(connection, review);
            CaseRows.audit(connection, clock.instant(), review.reference(), review.reviewedBy(), "review", auditDetail);
            return null;
        });
    }

    /** The reviews of a case, oldest first. */
    public List<ReviewRecord> listReviews(String reference) {
        return database.inTransaction(connection -> Reviews.of(connection, reference));
    }
}
