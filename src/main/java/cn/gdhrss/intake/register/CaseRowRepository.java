package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reporting's view of cases (issue 5): each case with its current proposal ({@link CurrentCases}),
 * place and reviews, found, filtered or searched in the proposals' text.
 */
public final class CaseRowRepository {

    /** Queries of one or two characters: the trigram index needs three. */
    static final int TRIGRAM = 3;
    /** Search text is read up to this length. */
    static final int MAX_QUERY_LENGTH = 200;

    private static final String CASE_COLUMNS = """
            SELECT c.reference, fm.received_at, pl.city, pl.period, p.category, p.occupation_name, p.applicant,
                   p.occupation_industry, c.status, p.id, c.message_ref
            FROM current_cases c
            JOIN proposals p ON p.id = c.proposal_id
            JOIN messages fm ON fm.id = c.first_message_ref
            LEFT JOIN case_places pl ON pl.case_reference = c.reference
            """;

    private final Database database;

    public CaseRowRepository(Database database) {
        this.database = database;
    }

    /** The case {@code reference} with its current proposal, if it has one. */
    public Optional<CaseRow> findCase(String reference) {
        String sql = CurrentCases.ALL + CASE_COLUMNS + "WHERE c.reference = ?1";
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, reference);
                return caseRows(connection, statement).stream().findFirst();
            }
        });
    }

    /** True when {@code reference} names a case of the register. */
    public boolean exists(String reference) {
        return database.inTransaction(connection -> !CaseRows.query(connection,
                CurrentCases.ALL + "SELECT 1 FROM current_cases WHERE reference = ?", rows -> 1, reference).isEmpty());
    }

    /** Cases matching {@code filter}, newest receipt first, at most {@code limit}. */
    public List<CaseRow> listCases(CaseFilter filter, int limit) {
        String sql = CurrentCases.ALL + CASE_COLUMNS + """
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
        String restricted = CurrentCases.restricted(
                "AND EXISTS (SELECT 1 FROM hits h JOIN proposals hp ON hp.id = h.id JOIN documents hd ON hd.id = hp.document_ref"
                        + " WHERE hd.message_ref = v.message_ref)",
                "AND p.id IN (SELECT id FROM hits)");
        String sql = "WITH hits AS MATERIALIZED (" + match + "),\n" + restricted.strip().substring("WITH ".length()) + "\n" + CASE_COLUMNS
                + "JOIN hits h ON h.id = p.id\nORDER BY fm.received_at DESC, c.reference\nLIMIT ?2";
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, indexed ? CaseRows.ftsPhrase(query) : "%" + likeEscaped(query) + "%");
                statement.setInt(2, limit);
                statement.setInt(3, limit * 4);
                return caseRows(connection, statement);
            }
        });
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
        Map<String, List<ReviewRecord>> reviews = raw.isEmpty() ? Map.of() : Reviews.all(connection);
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
}
