package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;
import static cn.gdhrss.intake.register.ListedCases.CASES;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Staff work's read side of cases (issue 8): every case listed and found whether or not it has a
 * proposal, with its reviews, audit trail, merged cases and messages.
 */
public final class CaseListingRepository {

    /** The filters of {@link CaseQuery} as ?1..?7 and the limit as ?8, newest receipt first. */
    private static final String WHERE = """
            WHERE (?1 IS NULL OR period = ?1)
              AND (?2 IS NULL OR city = ?2)
              AND (?3 IS NULL OR status = ?3)
              AND (?4 IS NULL OR category = ?4)
              AND (?5 IS NULL OR instr(industry, ?5) > 0)
              AND (?6 IS NULL OR instr(name, ?6) > 0 OR instr(alternative_names, ?6) > 0
                   OR instr(definition, ?6) > 0 OR instr(applicant, ?6) > 0)
              AND (?7 = 0 OR flagged = 1)
            ORDER BY received_at DESC, reference DESC
            LIMIT ?8
            """;

    private static final String FILTERED = CASES + "SELECT * FROM listed\n" + WHERE;

    /**
     * The columns of a case's line, over the cases of {@link #forEach} in its order: SQLite computes
     * only these (the view's other columns, the definition among them, are left out), the time of
     * receipt comes as seconds, columns are read by position, and reviews are read only for cases
     * that have any (issue 12: 100,000 lines printed).
     */
    private static final String LINES = ListedCases.CASE_LINES + """
            SELECT reference, CAST(strftime('%s', received_at) AS INTEGER), city, period, category, name, applicant, status,
                   open_errors, EXISTS (SELECT 1 FROM case_reviews r WHERE r.case_reference = listed.reference)
            FROM listed
            """ + WHERE;

    /** Cases whose reviews are read in one statement. */
    private static final int REVIEW_BLOCK = 500;

    private final Database database;

    public CaseListingRepository(Database database) {
        this.database = database;
    }

    /** Cases matching {@code filter}, newest receipt first, at most {@code limit}. */
    public List<CaseListing> list(CaseQuery filter, int limit) {
        return database.inTransaction(connection -> ListedCases.listings(connection, FILTERED, filterParameters(filter, limit)));
    }

    public Optional<CaseListing> find(String reference) {
        return database.inTransaction(connection -> ListedCases.listings(connection, CASES + "SELECT * FROM listed WHERE reference = ?",
                reference.strip().toUpperCase(Locale.ROOT)).stream().findFirst());
    }

    /**
     * Like {@link #list}, handing each case to {@code each} as it is read, reviews attached a block
     * at a time: a listing of the whole register is printed without holding it (issue 12).
     */
    public void forEach(CaseQuery filter, int limit, Consumer<CaseListing> each) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = filtered(connection, FILTERED, filter, limit)) {
                List<CaseListing> block = new ArrayList<>(REVIEW_BLOCK);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        block.add(ListedCases.listingOf(rows));
                        if (block.size() == REVIEW_BLOCK) {
                            ListedCases.withReviews(connection, block).forEach(each);
                            block.clear();
                        }
                    }
                }
                ListedCases.withReviews(connection, block).forEach(each);
            }
            return null;
        });
    }

    /** Like {@link #forEach}, handing out the {@link CaseLine} of each case. */
    public void forEachLine(CaseQuery filter, int limit, Consumer<CaseLine> each) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = filtered(connection, LINES, filter, limit)) {
                Map<String, LocalDate> periods = new HashMap<>(); // a register has a few periods: each parsed once
                List<CaseLine> block = new ArrayList<>(REVIEW_BLOCK);
                List<String> reviewed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String period = CaseRows.text(rows, 4);
                        CaseLine line = new CaseLine(CaseRows.text(rows, 1), rows.getLong(2), CaseRows.text(rows, 3),
                                period == null ? null : periods.computeIfAbsent(period, LocalDate::parse), CaseRows.text(rows, 5),
                                CaseRows.text(rows, 6), CaseRows.text(rows, 7), CaseRows.text(rows, 8), rows.getInt(9), List.of());
                        block.add(line);
                        if (rows.getInt(10) == 1) {
                            reviewed.add(line.reference());
                        }
                        if (block.size() == REVIEW_BLOCK) {
                            handOut(connection, block, reviewed, each);
                        }
                    }
                }
                handOut(connection, block, reviewed, each);
            }
            return null;
        });
    }

    private static PreparedStatement filtered(Connection connection, String sql, CaseQuery filter, int limit) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Object[] parameters = filterParameters(filter, limit);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Object[] filterParameters(CaseQuery filter, int limit) {
        return new Object[] {filter.period() == null ? null : filter.period().toString(), filter.city(), filter.status(),
                filter.category(), filter.industry(), filter.text(), filter.flaggedOnly() ? 1 : 0, limit};
    }

    private static void handOut(Connection connection, List<CaseLine> block, List<String> reviewed, Consumer<CaseLine> each)
            throws SQLException {
        Map<String, List<ReviewRecord>> reviews = reviewed.isEmpty() ? Map.of() : Reviews.ofReferences(connection, reviewed);
        for (CaseLine line : block) {
            List<ReviewRecord> found = reviews.get(line.reference());
            each.accept(found == null ? line : new CaseLine(line.reference(), line.receivedSecond(), line.city(), line.period(),
                    line.category(), line.name(), line.applicant(), line.status(), line.openErrors(), found));
        }
        block.clear();
        reviewed.clear();
    }

    /** How many cases are in each state, by state code. */
    public Map<String, Integer> countByState() {
        return database.inTransaction(connection -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            query(connection, "SELECT status, count(*) FROM cases GROUP BY status ORDER BY status",
                    rows -> counts.put(rows.getString(1), rows.getInt(2)));
            return counts;
        });
    }

    /** The audit trail of a case, oldest first: reporting changes, reviews, state changes and notes. */
    public List<CaseAuditRecord> listAudit(String reference) {
        return database.inTransaction(connection -> query(connection,
                "SELECT at, actor, kind, detail FROM case_audit WHERE case_reference = ? ORDER BY id",
                rows -> new CaseAuditRecord(Instant.parse(rows.getString(1)), rows.getString(2), rows.getString(3), rows.getString(4)),
                reference));
    }

    /** Cases that were merged into {@code reference}. */
    public List<String> listMergedInto(String reference) {
        return database.inTransaction(connection -> query(connection,
                "SELECT reference FROM cases WHERE merged_into = ? ORDER BY id", rows -> rows.getString(1), reference));
    }

    /** The Message-IDs of the messages filed into a case, in version order: a staff letter's thread. */
    public List<String> listMessageIdsOfCase(long caseId) {
        return database.inTransaction(connection -> query(connection, """
                SELECT m.message_id FROM case_versions v JOIN messages m ON m.id = v.message_ref
                WHERE v.case_ref = ? AND m.message_id IS NOT NULL ORDER BY v.version
                """, rows -> rows.getString(1), caseId));
    }
}
