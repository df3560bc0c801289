package cn.gdhrss.intake.register;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a period's summary tables (issue 5): every case placed in the period, with or
 * without a proposal ({@link CurrentCases#PERIOD_CASES}), and what tells that they changed.
 */
public final class SummaryRecordRepository {
    private final Database database;

    public SummaryRecordRepository(Database database) {
        this.database = database;
    }

    /**
     * What changes whenever a case of {@code period} changes (issue 8: a period's summary is
     * rewritten when its cases change): the number of cases, their states, their latest versions,
     * places, reviews, audit and events. Empty when the period has no case.
     */
    public Optional<String> findPeriodVersion(LocalDate period) {
        String sql = CurrentCases.PERIOD_CASES + """
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
     * (null) all, as they are read by one cursor inside one read transaction, so no more than a few
     * batches of rows are held: cities in the order of {@code cityOrder} (cities not in it last),
     * receipt order within a city. An unchecked exception from the visitor ends the read and reaches
     * the caller as thrown. The cursor runs on a thread of its own ({@link RowPipe}) while the
     * visitor runs on the calling thread, which must not use the register meanwhile (it would wait for
     * the read to end); called inside a transaction, both run on the calling thread.
     */
    public void visitSummaryRecords(LocalDate period, @Nullable String city, List<String> cityOrder,
            Consumer<SummaryRecord> visitor) {
        // The errors of a case are those of its own document, or of its message when it has none, looked
        // up through the findings' indexes; a CTE of every case's errors joined back to the row cost
        // 0.4 s of the 100,000-row summary's 1.2 s in SQLite (issue 12). Codes come in any order, repeated.
        String sql = CurrentCases.PERIOD_CASES + """
                SELECT c.reference, pl.city, c.kind, fm.received_at, fm.from_address, p.id IS NOT NULL,
                       p.category, p.occupation_name, p.occupation_alternative_names, p.occupation_definition,
                       p.occupation_related, p.occupation_industry, p.applicant, p.contact_person, p.contact_phone,
                       c.status, c.error_count,
                       CASE WHEN c.document_ref IS NOT NULL
                            THEN (SELECT group_concat(f.code, ' ') FROM findings f WHERE f.document_ref = c.document_ref AND f.severity = 'error')
                            ELSE (SELECT group_concat(f.code, ' ') FROM findings f WHERE f.message_ref = c.message_ref AND f.severity = 'error') END,
                       CASE WHEN c.document_ref IS NOT NULL
                            THEN (SELECT f.message FROM findings f WHERE f.document_ref = c.document_ref AND f.severity = 'error' ORDER BY f.id LIMIT 1)
                            ELSE (SELECT f.message FROM findings f WHERE f.message_ref = c.message_ref AND f.severity = 'error' ORDER BY f.id LIMIT 1) END,
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
        Consumer<Consumer<SummaryRecord>> read = each -> database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, period.toString());
                statement.setString(2, city);
                for (int index = 0; index < cityOrder.size(); index++) {
                    statement.setString(3 + index, cityOrder.get(index));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        each.accept(summaryRecordOf(rows));
                    }
                }
            }
            return null;
        });
        if (database.isInTransaction()) {
            read.accept(visitor); // a reader thread would wait for this thread's transaction, which waits for it
        } else {
            RowPipe.run(read, visitor);
        }
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
        String codes = CaseRows.text(rows, 18);
        return new SummaryRecord(CaseRows.text(rows, 1), CaseRows.text(rows, 2), CaseRows.text(rows, 3),
                CaseRows.instant(rows.getString(4)), CaseRows.text(rows, 5), rows.getInt(6) == 1, text(rows, 7), text(rows, 8),
                text(rows, 9), text(rows, 10), text(rows, 11), text(rows, 12), text(rows, 13), text(rows, 14), text(rows, 15),
                CaseRows.text(rows, 16), rows.getInt(17),
                codes == null ? List.of() : Arrays.stream(codes.split(" ")).distinct().toList(), text(rows, 19),
                rows.getInt(20) == 1, CaseRows.text(rows, 21), text(rows, 22), CaseRows.text(rows, 23), CaseRows.text(rows, 24));
    }

    /** A text column, "" for NULL. */
    private static String text(ResultSet rows, int column) throws SQLException {
        String value = CaseRows.text(rows, column);
        return value == null ? "" : value;
    }
}
