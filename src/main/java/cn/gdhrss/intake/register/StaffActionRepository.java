package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;
import static cn.gdhrss.intake.register.CaseRows.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What staff do to a case (issue 8): state changes, reviews, merges, notes and the paper copy,
 * each written with its audit line in one transaction, so the trail never misses a change.
 */
public final class StaffActionRepository {
    private final Database database;
    private final Clock clock;

    public StaffActionRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Sets the state of a case and audits the change; false when the case is unknown. */
    public boolean changeState(String reference, String state, String actor, String kind, String detail) {
        return database.inTransaction(connection -> setState(connection, reference, state, actor, kind, detail));
    }

    /** Records a review, the state it moves the case to, and both audit lines, in one transaction. */
    public void addReview(ReviewRecord review, String state, String detail) {
        database.inTransaction(connection -> {
            Reviews.insert(connection, review);
            return setState(connection, review.reference(), state, review.reviewedBy(), "review", detail);
        });
    }

    /** Merges {@code reference} into {@code into}: state merged, the link kept, both cases audited. */
    public void merge(String reference, String into, String mergedState, String actor, String detail) {
        database.inTransaction(connection -> {
            update(connection, "UPDATE cases SET merged_into = ? WHERE reference = ?", into, reference);
            setState(connection, reference, mergedState, actor, "merged", "并入 " + into + detail);
            CaseRows.audit(connection, clock.instant(), into, actor, "merged_in", "已并入 " + reference + detail);
            return null;
        });
    }

    /**
     * Marks {@code reference} as a second copy of the proposal of {@code of} (state {@code duplicateState}),
     * kept with its pair like a merge; audited on both cases.
     */
    public void markDuplicate(String reference, String of, String duplicateState, String actor, String detail) {
        database.inTransaction(connection -> {
            update(connection, "UPDATE cases SET merged_into = ? WHERE reference = ?", of, reference);
            setState(connection, reference, duplicateState, actor, "duplicate", "与 " + of + " 重复（同一申报再次提交）" + detail);
            CaseRows.audit(connection, clock.instant(), of, actor, "duplicate_of", reference + " 是本件的重复提交" + detail);
            return null;
        });
    }

    /** A note of staff on the case; {@code clearFlag} also marks what was flagged as dealt with. */
    public void addNote(String reference, String text, String actor, boolean clearFlag) {
        database.inTransaction(connection -> {
            CaseRows.audit(connection, clock.instant(), reference, actor, "note", text);
            if (clearFlag) {
                update(connection, "UPDATE cases SET flagged = 0, updated_at = ? WHERE reference = ?", clock.instant(), reference);
            }
            return null;
        });
    }

    public void setPaperReceived(String reference, LocalDate received, String actor) {
        database.inTransaction(connection -> {
            update(connection, "UPDATE cases SET paper_received = ?, updated_at = ? WHERE reference = ?",
                    received.toString(), clock.instant(), reference);
            CaseRows.audit(connection, clock.instant(), reference, actor, "paper", "纸质材料（盖章）" + received + " 收到");
            return null;
        });
    }

    private boolean setState(Connection connection, String reference, String state, String actor, String kind, String detail)
            throws SQLException {
        List<String> before = query(connection, "SELECT status FROM cases WHERE reference = ?", rows -> rows.getString(1), reference);
        if (before.isEmpty()) {
            return false;
        }
        update(connection, "UPDATE cases SET status = ?, updated_at = ? WHERE reference = ?", state, clock.instant(), reference);
        CaseRows.audit(connection, clock.instant(), reference, actor, kind, detail);
        if (!before.get(0).equals(state)) {
            CaseRows.audit(connection, clock.instant(), reference, actor, "state", before.get(0) + " → " + state);
        }
        return true;
    }
}
