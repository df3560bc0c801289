package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The register's side of reporting (issue 5): cities and periods of cases, staff reviews and their
 * audit trail, the case list with its filters, full-text search and the rows of period summaries.
 *
 * <p>A case is reported with its current proposal: the one of its latest version that carried a
 * proposal. {@link #CURRENT_CASES} is the one place that says so.
 */
public final class ReportRepository {

    /**
     * One row per case: its reference, current proposal (that of its latest version that carried
     * one), the message that carried it, the first message of the case (receipt decides the period)
     * and the case's status. A proposal that no case version points to (read before cases were
     * filed) stands for a case of its own, referenced P-&lt;proposal id&gt;, with its message's status.
     */
    private static final String CURRENT_CASES = """
            WITH current_versions AS (
                SELECT v.case_ref, v.message_ref, v.form_seq,
                       (SELECT f.message_ref FROM case_versions f WHERE f.case_ref = v.case_ref ORDER BY f.version LIMIT 1) AS first_message_ref
                FROM case_versions v
                WHERE v.form_seq IS NOT NULL %1$s
                  AND v.version = (SELECT max(l.version) FROM case_versions l WHERE l.case_ref = v.case_ref AND l.form_seq IS NOT NULL)),
            current_cases AS (
                SELECT c.reference AS reference, p.id AS proposal_id, cv.message_ref AS message_ref,
                       cv.first_message_ref AS first_message_ref, c.status AS status
                FROM current_versions cv
                JOIN cases c ON c.id = cv.case_ref
                JOIN documents d ON d.message_ref = cv.message_ref AND d.attachment_seq = cv.form_seq
                JOIN proposals p ON p.document_ref = d.id
                WHERE 1 = 1 %2$s
                UNION ALL
                SELECT 'P-' || p.id, p.id, p.message_ref, p.message_ref, m.status
                FROM proposals p
                JOIN documents d ON d.id = p.document_ref
                JOIN messages m ON m.id = p.message_ref
                WHERE NOT EXISTS (SELECT 1 FROM case_versions v WHERE v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq) %2$s)
            """;

    /** {@link #CURRENT_CASES} of every case. */
    static final String ALL_CURRENT_CASES = String.format(java.util.Locale.ROOT, CURRENT_CASES, "", "");

    /** Queries of one or two characters: the trigram index needs three. */
    static final int TRIGRAM = 3;
    /** Search text is read up to this length. */
    static final int MAX_QUERY_LENGTH = 200;

    private final Database database;
    private final Clock clock;

    public ReportRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * {@link #ALL_CURRENT_CASES} and, as {@code period_cases}, every case of the register: those
     * with a current proposal and those without one (issue 8: a mail without a usable form is a
     * case too). Besides the columns of {@code current_cases} it gives the case's kind, the errors
     * of its current version (its latest version when it has no proposal) and that version's document.
     */
    static final String PERIOD_CASES = ALL_CURRENT_CASES + """
            , period_cases AS (
                SELECT cc.reference, cc.proposal_id, cc.message_ref, cc.first_message_ref, cc.status,
                       COALESCE(k.kind, 'proposal') AS kind, p.document_ref AS document_ref,
                       COALESCE(v.error_count,
                                (SELECT count(*) FROM findings f WHERE f.document_ref = p.document_ref AND f.severity = 'error')) AS error_count
                FROM current_cases cc
                JOIN proposals p ON p.id = cc.proposal_id
                JOIN documents d ON d.id = p.document_ref
                LEFT JOIN cases k ON k.reference = cc.reference
                LEFT JOIN case_versions v ON v.case_ref = k.id AND v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq
                UNION ALL
                SELECT c.reference, NULL, lv.message_ref, fv.message_ref, c.status, c.kind, NULL, lv.error_count
                FROM cases c
                JOIN case_versions lv ON lv.case_ref = c.id
                     AND lv.version = (SELECT max(x.version) FROM case_versions x WHERE x.case_ref = c.id)
                JOIN case_versions fv ON fv.case_ref = c.id
                     AND fv.version = (SELECT min(x.version) FROM case_versions x WHERE x.case_ref = c.id)
                WHERE NOT EXISTS (SELECT 1 FROM case_versions x WHERE x.case_ref = c.id AND x.form_seq IS NOT NULL))
            """;

    /** Cases that have no city and period yet, with what tells them; a case without a proposal by its sender alone. */
    public List<PlaceEvidence> listUnplaced() {
        if (!mayHaveUnplaced()) {
            return List.of();
        }
        String sql = PERIOD_CASES + """
                SELECT c.reference, fm.received_at, fm.from_address, COALESCE(p.contact_address, ''), COALESCE(p.applicant, ''),
                       (SELECT st.city FROM summary_tables st WHERE st.message_ref = c.message_ref ORDER BY st.id LIMIT 1) AS table_city
                FROM period_cases c
                LEFT JOIN proposals p ON p.id = c.proposal_id
                JOIN messages fm ON fm.id = c.first_message_ref
                WHERE NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference)
                ORDER BY fm.received_at, c.reference
                """;
        return database.inTransaction(connection -> {
            List<PlaceEvidence> evidence = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    evidence.add(new PlaceEvidence(rows.getString(1), Instant.parse(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
            return evidence;
        });
    }

    /**
     * False when every case and every proposal outside a case has its place, which is the usual
     * answer: two anti-joins on indexes, where {@link #listUnplaced}'s query builds every current
     * case first (a third of a second on 100,000 proposals, paid by every list, show and search).
     */
    private boolean mayHaveUnplaced() {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference))
                        OR EXISTS (SELECT 1 FROM proposals p JOIN documents d ON d.id = p.document_ref
                                   WHERE NOT EXISTS (SELECT 1 FROM case_versions v WHERE v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq)
                                     AND NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = 'P-' || p.id))
                    """); ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        });
    }

    /** Stores computed places; a case that has one already (e.g. set by staff) keeps it. */
    public void savePlaces(List<CasePlace> places) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT OR IGNORE INTO case_places (case_reference, city, city_source, period, period_source, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (CasePlace place : places) {
                    statement.setString(1, place.reference());
                    statement.setString(2, place.city());
                    statement.setString(3, place.citySource());
                    statement.setString(4, place.period().toString());
                    statement.setString(5, place.periodSource());
                    statement.setString(6, clock.instant().toString());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    public Optional<CasePlace> findPlace(String reference) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT city, city_source, period, period_source FROM case_places WHERE case_reference = ?")) {
                statement.setString(1, reference);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new CasePlace(reference, rows.getString(1), rows.getString(2), LocalDate.parse(rows.getString(3)), rows.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    /** The case {@code reference} with its current proposal, if it has one. */
    public Optional<CaseRow> findCase(String reference) {
        String sql = ALL_CURRENT_CASES + CASE_COLUMNS + "WHERE c.reference = ?1";
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, reference);
                List<CaseRow> rows = caseRows(connection, statement);
                return rows.isEmpty() ? Optional.<CaseRow>empty() : Optional.of(rows.get(0));
            }
        });
    }

    /** True when {@code reference} names a case of the register. */
    public boolean exists(String reference) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    ALL_CURRENT_CASES + "SELECT 1 FROM current_cases WHERE reference = ?")) {
                statement.setString(1, reference);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Staff set the city of a placed case; false when the case has no place yet. Audited. */
    public boolean assignCity(String reference, String city, String actor) {
        return assign(reference, "city = ?, city_source = ?", city, "city_set", "城市改为 " + city, actor);
    }

    /** Staff move a placed case to another period; false when the case has no place yet. Audited. */
    public boolean assignPeriod(String reference, LocalDate period, String actor) {
        return assign(reference, "period = ?, period_source = ?", period.toString(), "period_set", "报送期改为 " + period, actor);
    }

    private boolean assign(String reference, String columns, String value, String kind, String detail, String actor) {
        return database.inTransaction(connection -> {
            Optional<CasePlace> before = placeOf(connection, reference);
            if (before.isEmpty()) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE case_places SET " + columns + ", updated_at = ? WHERE case_reference = ?")) {
                statement.setString(1, value);
                statement.setString(2, CasePlace.STAFF);
                statement.setString(3, clock.instant().toString());
                statement.setString(4, reference);
                statement.executeUpdate();
            }
            CasePlace old = before.get();
            audit(connection, reference, actor, kind, detail + "（原为 " + old.city() + "，" + old.period() + "）");
            return true;
        });
    }

    private static Optional<CasePlace> placeOf(Connection connection, String reference) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT city, city_source, period, period_source FROM case_places WHERE case_reference = ?")) {
            statement.setString(1, reference);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new CasePlace(reference, rows.getString(1), rows.getString(2), LocalDate.parse(rows.getString(3)), rows.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /** Records a review and its audit event in one transaction. */
    public void addReview(ReviewRecord review, String auditDetail) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO case_reviews (case_reference, stage, result, note, reviewed_by, reviewed_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                statement.setString(1, review.reference());
                statement.setString(2, review.stage());
                statement.setString(3, review.result());
                statement.setString(4, review.note());
                statement.setString(5, review.reviewedBy());
                statement.setString(6, review.reviewedAt().toString());
                statement.executeUpdate();
            }
            audit(connection, review.reference(), review.reviewedBy(), "review", auditDetail);
            return null;
        });
    }

    /** The reviews of a case, oldest first. */
    public List<ReviewRecord> listReviews(String reference) {
        return database.inTransaction(connection -> reviews(connection, "WHERE case_reference = ?", reference));
    }

    /** The reporting audit trail of a case, oldest first. */
    public List<CaseAuditRecord> listAudit(String reference) {
        return database.inTransaction(connection -> {
            List<CaseAuditRecord> audit = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT at, actor, kind, detail FROM case_audit WHERE case_reference = ? ORDER BY id")) {
                statement.setString(1, reference);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        audit.add(new CaseAuditRecord(Instant.parse(rows.getString(1)), rows.getString(2), rows.getString(3), rows.getString(4)));
                    }
                }
            }
            return audit;
        });
    }

    /** Cases matching {@code filter}, newest receipt first, at most {@code limit}. */
    public List<CaseRow> listCases(CaseFilter filter, int limit) {
        String sql = ALL_CURRENT_CASES + CASE_COLUMNS + """
                WHERE (?1 IS NULL OR pl.period = ?1)
                  AND (?2 IS NULL OR pl.city = ?2)
                  AND (?3 IS NULL OR c.status = ?3)
                  AND (?4 IS NULL OR p.category = ?4)
                  AND (?5 IS NULL OR instr(p.occupation_industry, ?5) > 0)
                  AND (?6 IS NULL OR instr(p.occupation_name, ?6) > 0 OR instr(p.occupation_alternative_names, ?6) > 0
                       OR instr(p.occupation_definition, ?6) > 0 OR instr(p.applicant, ?6) > 0)
                ORDER BY fm.received_at DESC, c.reference
                LIMIT ?7
                """;
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, filter.period() == null ? null : filter.period().toString());
                statement.setString(2, filter.city());
                statement.setString(3, filter.status());
                statement.setString(4, filter.category());
                statement.setString(5, filter.industry());
                statement.setString(6, filter.text());
                statement.setInt(7, limit);
                return caseRows(connection, statement);
            }
        });
    }

    private static final String CASE_COLUMNS = """
            SELECT c.reference, fm.received_at, pl.city, pl.period, p.category, p.occupation_name, p.applicant,
                   p.occupation_industry, c.status, p.id, c.message_ref
            FROM current_cases c
            JOIN proposals p ON p.id = c.proposal_id
            JOIN messages fm ON fm.id = c.first_message_ref
            LEFT JOIN case_places pl ON pl.case_reference = c.reference
            """;

    /**
     * Cases whose current proposal's name, alternative names, definition or tasks contain
     * {@code text}, the newest proposals first, at most {@code limit}. Three characters or more use the
     * trigram index; shorter text is looked for with LIKE over the same columns.
     */
    public List<CaseRow> search(String text, int limit) {
        String query = text.strip().length() > MAX_QUERY_LENGTH ? text.strip().substring(0, MAX_QUERY_LENGTH) : text.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        boolean indexed = query.codePointCount(0, query.length()) >= TRIGRAM;
        // The hits come first and bound the cases looked at: the search costs what the hits cost.
        String match = indexed
                ? "SELECT rowid AS id, 0 AS rank FROM proposal_search WHERE proposal_search MATCH ?1 ORDER BY rowid DESC LIMIT ?3"
                : """
                  SELECT rowid AS id, 0 AS rank FROM proposal_search
                  WHERE name LIKE ?1 ESCAPE '\\' OR alternative_names LIKE ?1 ESCAPE '\\'
                     OR definition LIKE ?1 ESCAPE '\\' OR tasks LIKE ?1 ESCAPE '\\'
                  LIMIT ?3""";
        String restricted = String.format(java.util.Locale.ROOT, CURRENT_CASES,
                "AND EXISTS (SELECT 1 FROM hits h JOIN proposals hp ON hp.id = h.id JOIN documents hd ON hd.id = hp.document_ref"
                        + " WHERE hd.message_ref = v.message_ref)",
                "AND p.id IN (SELECT id FROM hits)");
        String sql = "WITH hits AS MATERIALIZED (" + match + "),\n" + restricted.strip().substring("WITH ".length()) + "\n" + CASE_COLUMNS
                + "JOIN hits h ON h.id = p.id\nORDER BY fm.received_at DESC, c.reference\nLIMIT ?2";
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, indexed ? phrase(query) : "%" + likeEscaped(query) + "%");
                statement.setInt(2, limit);
                statement.setInt(3, limit * 4);
                return caseRows(connection, statement);
            }
        });
    }

    /** An FTS5 string literal: the text matched as one phrase, whatever operators it holds. */
    private static String phrase(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<CaseRow> caseRows(Connection connection, PreparedStatement statement) throws SQLException {
        List<Object[]> raw = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                raw.add(new Object[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                    rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getLong(10), rows.getLong(11)});
            }
        }
        Map<String, List<ReviewRecord>> reviews = raw.isEmpty() ? Map.of() : allReviews(connection);
        List<CaseRow> cases = new ArrayList<>(raw.size());
        for (Object[] row : raw) {
            String reference = (String) row[0];
            cases.add(new CaseRow(reference, Instant.parse((String) row[1]), row[2] == null ? "" : (String) row[2],
                    row[3] == null ? null : LocalDate.parse((String) row[3]), row[4] == null ? "" : (String) row[4],
                    (String) row[5], (String) row[6], (String) row[7], (String) row[8], (Long) row[9], (Long) row[10],
                    reviews.getOrDefault(reference, List.of())));
        }
        return cases;
    }

    /** Every review by case: reviews are a few per case at most, far fewer than proposals. */
    private static Map<String, List<ReviewRecord>> allReviews(Connection connection) throws SQLException {
        Map<String, List<ReviewRecord>> byCase = new HashMap<>();
        for (ReviewRecord review : reviews(connection, "", null)) {
            byCase.computeIfAbsent(review.reference(), key -> new ArrayList<>()).add(review);
        }
        return byCase;
    }

    private static List<ReviewRecord> reviews(Connection connection, String where, @Nullable String reference) throws SQLException {
        List<ReviewRecord> reviews = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT case_reference, stage, result, note, reviewed_by, reviewed_at FROM case_reviews " + where + " ORDER BY id")) {
            if (reference != null) {
                statement.setString(1, reference);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reviews.add(new ReviewRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), Instant.parse(rows.getString(6))));
                }
            }
        }
        return reviews;
    }

    /**
     * What changes whenever a case of {@code period} changes (issue 8: a period's summary is
     * rewritten when its cases change): the number of cases, their states, their latest versions,
     * places, reviews, audit and events. Empty when the period has no case.
     */
    public Optional<String> findPeriodVersion(LocalDate period) {
        String sql = PERIOD_CASES + """
                SELECT count(*), max(k.updated_at), max(pl.updated_at), total(c.message_ref),
                       (SELECT group_concat(s.status || ':' || s.cases, ',') FROM (
                            SELECT sc.status, count(*) AS cases FROM period_cases sc
                            JOIN case_places sp ON sp.case_reference = sc.reference AND sp.period = ?1
                            GROUP BY sc.status ORDER BY sc.status) s),
                       (SELECT max(r.id) FROM case_reviews r JOIN case_places rp ON rp.case_reference = r.case_reference AND rp.period = ?1),
                       (SELECT max(a.id) FROM case_audit a JOIN case_places ap ON ap.case_reference = a.case_reference AND ap.period = ?1),
                       (SELECT max(e.id) FROM case_events e JOIN cases ek ON ek.id = e.case_ref
                            JOIN case_places ep ON ep.case_reference = ek.reference AND ep.period = ?1)
                FROM period_cases c
                JOIN case_places pl ON pl.case_reference = c.reference
                LEFT JOIN cases k ON k.reference = c.reference
                WHERE pl.period = ?1
                """;
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, period.toString());
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || rows.getInt(1) == 0) {
                        return Optional.<String>empty();
                    }
                    List<String> parts = new ArrayList<>();
                    for (int column = 1; column <= 8; column++) {
                        parts.add(String.valueOf(rows.getString(column)));
                    }
                    return Optional.of(String.join("|", parts));
                }
            }
        });
    }

    /**
     * Every case of a period, for one city or (null) all, in order of receipt. Held in memory: for
     * large periods use {@link #visitSummaryRecords}.
     */
    public List<SummaryRecord> listSummaryRecords(LocalDate period, @Nullable String city) {
        List<SummaryRecord> records = new ArrayList<>();
        visitSummaryRecords(period, city, List.of(), records::add);
        return records;
    }

    /**
     * Hands {@code visitor} every case of a period (with or without a proposal), for one city or
     * (null) all, as they are read by one cursor inside one read transaction, so no more than a row
     * is held: cities in the order of {@code cityOrder} (cities not in it last), receipt order
     * within a city. An unchecked exception from the visitor ends the read and reaches the caller as thrown.
     */
    public void visitSummaryRecords(LocalDate period, @Nullable String city, List<String> cityOrder,
            Consumer<SummaryRecord> visitor) {
        String sql = PERIOD_CASES + """
                , errors AS (
                    SELECT f.id, f.code, f.message, pc.reference
                    FROM period_cases pc
                    JOIN case_places ep ON ep.case_reference = pc.reference AND ep.period = ?1
                    JOIN findings f ON f.severity = 'error'
                         AND (f.document_ref = pc.document_ref OR (pc.document_ref IS NULL AND f.message_ref = pc.message_ref)))
                SELECT c.reference, pl.city, c.kind, fm.received_at, fm.from_address, p.id IS NOT NULL,
                       p.category, p.occupation_name, p.occupation_alternative_names, p.occupation_definition,
                       p.occupation_related, p.occupation_industry, p.applicant, p.contact_person, p.contact_phone,
                       c.status, c.error_count,
                       (SELECT group_concat(code, ' ') FROM (SELECT DISTINCT e.code FROM errors e WHERE e.reference = c.reference)),
                       (SELECT e.message FROM errors e WHERE e.reference = c.reference ORDER BY e.id LIMIT 1),
                       lm.status = 'failed',
                       (SELECT r.result FROM case_reviews r WHERE r.case_reference = c.reference AND r.stage = 'city' ORDER BY r.id DESC LIMIT 1),
                       (SELECT r.note FROM case_reviews r WHERE r.case_reference = c.reference AND r.stage = 'city' ORDER BY r.id DESC LIMIT 1),
                       (SELECT r.result FROM case_reviews r WHERE r.case_reference = c.reference AND r.stage = 'province' ORDER BY r.id DESC LIMIT 1),
                       (SELECT k.merged_into FROM cases k WHERE k.reference = c.reference)
                FROM period_cases c
                JOIN case_places pl ON pl.case_reference = c.reference
                JOIN messages fm ON fm.id = c.first_message_ref
                JOIN messages lm ON lm.id = c.message_ref
                LEFT JOIN proposals p ON p.id = c.proposal_id
                WHERE pl.period = ?1 AND (?2 IS NULL OR pl.city = ?2)
                ORDER BY\s""" + cityRank(cityOrder.size()) + "fm.received_at, c.reference\n";
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, period.toString());
                statement.setString(2, city);
                for (int index = 0; index < cityOrder.size(); index++) {
                    statement.setString(3 + index, cityOrder.get(index));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        visitor.accept(summaryRecordOf(rows));
                    }
                }
            }
            return null;
        });
    }

    /** "CASE pl.city WHEN ?3 THEN 0 WHEN ?4 THEN 1 ... ELSE n END, ": the rank of a city in the given order. */
    private static String cityRank(int cities) {
        StringBuilder rank = new StringBuilder("CASE pl.city");
        for (int index = 0; index < cities; index++) {
            rank.append(" WHEN ?").append(3 + index).append(" THEN ").append(index);
        }
        return cities == 0 ? "" : rank.append(" ELSE ").append(cities).append(" END, ").toString();
    }

    private static SummaryRecord summaryRecordOf(ResultSet rows) throws SQLException {
        String codes = rows.getString(18);
        return new SummaryRecord(rows.getString(1), rows.getString(2), rows.getString(3), Instant.parse(rows.getString(4)),
                rows.getString(5), rows.getInt(6) == 1, text(rows, 7), text(rows, 8), text(rows, 9), text(rows, 10),
                text(rows, 11), text(rows, 12), text(rows, 13), text(rows, 14), text(rows, 15), rows.getString(16),
                rows.getInt(17), codes == null ? List.of() : List.of(codes.split(" ")), text(rows, 19), rows.getInt(20) == 1,
                rows.getString(21), text(rows, 22), rows.getString(23), rows.getString(24));
    }

    private static String text(ResultSet rows, int column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? "" : value;
    }

    private void audit(Connection connection, String reference, String actor, String kind, String detail) throws SQLException {
        CaseRows.audit(connection, clock.instant(), reference, actor, kind, detail);
    }
}
