package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;
import static cn.gdhrss.intake.register.CaseRows.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The city and period of each case (issue 5): computed places stored once, staff corrections
 * audited. A summary counts a case where its place says.
 */
public final class CasePlaceRepository {
    private final Database database;
    private final Clock clock;

    public CasePlaceRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Cases that have no city and period yet, with what tells them; a case without a proposal by its
     * sender alone. Queued references it does not return are dropped from the queue, so a reference
     * queued on suspicion costs one listing, not one per command.
     */
    public List<PlaceEvidence> listUnplaced() {
        if (!mayHaveUnplaced()) {
            return List.of();
        }
        String sql = CurrentCases.PERIOD_CASES + """
                SELECT c.reference, fm.received_at, fm.from_address, COALESCE(p.contact_address, ''), COALESCE(p.applicant, ''),
                       (SELECT st.city FROM summary_tables st WHERE st.message_ref = c.message_ref ORDER BY st.id LIMIT 1) AS table_city
                FROM period_cases c
                LEFT JOIN proposals p ON p.id = c.proposal_id
                JOIN messages fm ON fm.id = c.first_message_ref
                WHERE NOT EXISTS (SELECT 1 FROM case_places pl WHERE pl.case_reference = c.reference)
                ORDER BY fm.received_at, c.reference
                """;
        Listing listing = database.inTransaction(connection -> {
            List<PlaceEvidence> unplaced = query(connection, sql, rows -> new PlaceEvidence(rows.getString(1),
                    Instant.parse(rows.getString(2)), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6)));
            return new Listing(unplaced, staleQueueEntries(connection, unplaced));
        });
        if (!listing.staleSeqs().isEmpty()) {
            database.inTransaction(connection -> dropQueueEntries(connection, listing.staleSeqs()));
        }
        return listing.unplaced();
    }

    /**
     * True when some reference may lack its place: read from the queue that the triggers of schema
     * V17 keep, where the anti-joins it replaces walked every proposal through its document and
     * case versions (0.13 to 0.2 s of CPU on 100,000 proposals, paid by every list, show and search).
     * Never false while {@link #listUnplaced} would return a case.
     */
    boolean mayHaveUnplaced() {
        return database.inTransaction(connection -> CaseRows.count(connection, "SELECT EXISTS (SELECT 1 FROM case_places_pending)") == 1);
    }

    /** The queue entries, as the listing's snapshot saw them, of references the listing did not return. */
    private static List<Long> staleQueueEntries(Connection connection, List<PlaceEvidence> unplaced) throws SQLException {
        Set<String> listed = new HashSet<>();
        unplaced.forEach(evidence -> listed.add(evidence.reference()));
        List<Long> stale = new ArrayList<>();
        for (QueueEntry entry : query(connection, "SELECT seq, reference FROM case_places_pending",
                rows -> new QueueEntry(rows.getLong(1), rows.getString(2)))) {
            if (!listed.contains(entry.reference())) {
                stale.add(entry.seq());
            }
        }
        return stale;
    }

    /**
     * Drops entries by their seq, in a transaction of its own (the listing's is a reader whose
     * snapshot another process may have overtaken): a reference queued again since the listing read
     * has a new seq and stays.
     */
    private static Void dropQueueEntries(Connection connection, List<Long> stale) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM case_places_pending WHERE seq = ?")) {
            for (long seq : stale) {
                statement.setLong(1, seq);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return null;
    }

    private record Listing(List<PlaceEvidence> unplaced, List<Long> staleSeqs) {}

    private record QueueEntry(long seq, String reference) {}

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
        return database.inTransaction(connection -> placeOf(connection, reference));
    }

    /** Gives a case without a place (one without a proposal) the city and period staff name. Audited. */
    public void placeByStaff(String reference, String city, LocalDate period, String actor) {
        database.inTransaction(connection -> {
            update(connection, """
                    INSERT INTO case_places (case_reference, city, city_source, period, period_source, updated_at)
                    VALUES (?, ?, 'staff', ?, 'staff', ?)
                    ON CONFLICT (case_reference) DO UPDATE SET city = excluded.city, city_source = 'staff',
                        period = excluded.period, period_source = 'staff', updated_at = excluded.updated_at
                    """, reference, city, period.toString(), clock.instant());
            CaseRows.audit(connection, clock.instant(), reference, actor, "place_set", "城市 " + city + "，报送期 " + period);
            return null;
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
            update(connection, "UPDATE case_places SET " + columns + ", updated_at = ? WHERE case_reference = ?",
                    value, CasePlace.STAFF, clock.instant(), reference);
            CasePlace old = before.get();
            CaseRows.audit(connection, clock.instant(), reference, actor, kind, detail + "（原为 " + old.city() + "，" + old.period() + "）");
            return true;
        });
    }

    private static Optional<CasePlace> placeOf(Connection connection, String reference) throws SQLException {
        return query(connection, "SELECT city, city_source, period, period_source FROM case_places WHERE case_reference = ?",
                rows -> new CasePlace(reference, rows.getString(1), rows.getString(2), LocalDate.parse(rows.getString(3)),
                        rows.getString(4)), reference).stream().findFirst();
    }
}
