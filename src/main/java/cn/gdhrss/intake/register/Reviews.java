package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;
import static cn.gdhrss.intake.register.CaseRows.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The statements on {@code case_reviews} that the staff-work and reporting repositories share. */
final class Reviews {
    private Reviews() {}

    /** References whose reviews are read in one statement: well under SQLite's limit of parameters. */
    private static final int BLOCK = 500;

    private static final String SELECT = "SELECT case_reference, stage, result, note, reviewed_by, reviewed_at FROM case_reviews ";

    static void insert(Connection connection, ReviewRecord review) throws SQLException {
        update(connection, """
                INSERT INTO case_reviews (case_reference, stage, result, note, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)
                """, review.reference(), review.stage(), review.result(), review.note(), review.reviewedBy(), review.reviewedAt());
    }

    /** The reviews of one case, oldest first. */
    static List<ReviewRecord> of(Connection connection, String reference) throws SQLException {
        return query(connection, SELECT + "WHERE case_reference = ? ORDER BY id", Reviews::reviewOf, reference);
    }

    /** Every review by case, oldest first: reviews are a few per case at most, far fewer than proposals. */
    static Map<String, List<ReviewRecord>> all(Connection connection) throws SQLException {
        return byCase(query(connection, SELECT + "ORDER BY id", Reviews::reviewOf));
    }

    /** The reviews of {@code references} by case, oldest first; a case without any is absent. */
    static Map<String, List<ReviewRecord>> ofReferences(Connection connection, List<String> references) throws SQLException {
        Map<String, List<ReviewRecord>> byCase = new HashMap<>();
        for (int from = 0; from < references.size(); from += BLOCK) {
            List<String> block = references.subList(from, Math.min(references.size(), from + BLOCK));
            byCase.putAll(byCase(query(connection, SELECT + "WHERE case_reference IN (" + CaseRows.placeholders(block.size())
                    + ") ORDER BY id", Reviews::reviewOf, block.toArray())));
        }
        return byCase;
    }

    private static Map<String, List<ReviewRecord>> byCase(List<ReviewRecord> reviews) {
        Map<String, List<ReviewRecord>> byCase = new HashMap<>();
        for (ReviewRecord review : reviews) {
            byCase.computeIfAbsent(review.reference(), key -> new ArrayList<>()).add(review);
        }
        return byCase;
    }

    private static ReviewRecord reviewOf(ResultSet rows) throws SQLException {
        return new ReviewRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                Instant.parse(rows.getString(6)));
    }
}
