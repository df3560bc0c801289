package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap "may some case lack its place" check (schema V17's queue) against the listing it
 * stands in for, after every way a case or an orphan proposal (case P-&lt;id&gt;) gains or loses
 * its place, written as the register's own statements do.
 */
class CasePlaceQueueTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private Database database;
    private CasePlaceRepository places;
    private int messages;

    @BeforeEach
    void open(@TempDir Path dir) {
        database = Database.open(dir.resolve("register.db"));
        places = new CasePlaceRepository(database, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void checkSaysMaybeWheneverTheListingHasCasesAndNothingOnceAllArePlaced() {
        assertUnplaced("empty register");

        long first = message();
        long firstProposal = proposal(document(first, 1));
        long spareProposal = proposal(document(message(), 1));
        assertUnplaced("proposals read before cases were filed", "P-" + firstProposal, "P-" + spareProposal);

        long caseA = caseOf("XZY-2026-0001");
        version(caseA, 1, first, 1);
        assertUnplaced("orphan filed into a new case", "XZY-2026-0001");

        long caseB = caseOf("XZY-2026-0002");
        assertUnplaced("case without any version yet");
        long noForm = message();
        version(caseB, 1, noForm, null);
        assertUnplaced("version without a form filed later", "XZY-2026-0002");

        run("DELETE FROM documents WHERE message_ref = ?", first);
        assertUnplaced("documents dropped for reprocessing");
        long reread = proposal(document(first, 1));
        assertUnplaced("document read again into a placed case");

        run("DELETE FROM case_places WHERE case_reference = ?", "XZY-2026-0001");
        assertUnplaced("place removed", "XZY-2026-0001");

        long secondForm = proposal(document(first, 2));
        run("UPDATE case_versions SET form_seq = 2 WHERE case_ref = ? AND message_ref = ?", caseA, first);
        assertUnplaced("version now points at another form of its message", "P-" + reread);
        assertThat(secondForm).isPositive();

        long third = message();
        long caseD = caseOf("XZY-2026-0003");
        long dProposal = proposal(document(third, 1));
        version(caseD, 1, third, 1);
        assertUnplaced("case filed with its form", "XZY-2026-0003");
        run("DELETE FROM case_versions WHERE case_ref = ?", caseD);
        assertUnplaced("version gone, its proposal an orphan again", "P-" + dProposal);

        long caseE = caseOf("XZY-2026-0004");
        version(caseE, 1, message(), null);
        places.placeByStaff("XZY-2026-0004", "广州市", LocalDate.of(2026, 12, 31), "staff");
        assertUnplaced("placed by staff before attribution");
        run("UPDATE cases SET merged_into = ? WHERE reference = ?", "XZY-2026-0001", "XZY-2026-0004");
        assertUnplaced("merged");

        long fourth = message();
        long caseF = caseOf("XZY-2026-0005");
        long formWithoutProposal = document(fourth, 1);
        version(caseF, 1, fourth, 1);
        assertUnplaced("case whose form gave no proposal is not listed, and the check forgets it");
        proposal(formWithoutProposal);
        assertUnplaced("its proposal read later", "XZY-2026-0005");

        run("UPDATE case_places SET case_reference = ? WHERE case_reference = ?", "XZY-2026-9999", "XZY-2026-0002");
        assertUnplaced("place moved to another reference", "XZY-2026-0002");
    }

    @Test
    void migrationQueuesWhatTheRegisterHadUnplaced() throws Exception {
        for (String trigger : database.inTransaction(connection -> CaseRows.query(connection,
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'case_places_pending%'", rows -> rows.getString(1)))) {
            run("DROP TRIGGER " + trigger);
        }
        run("DROP TABLE case_places_pending");
        long orphan = proposal(document(message(), 1));
        long placedOrphan = proposal(document(message(), 1));
        long filed = caseOf("XZY-2026-0001");
        version(filed, 1, message(), null);
        long placed = caseOf("XZY-2026-0002");
        long placedMessage = message();
        proposal(document(placedMessage, 1));
        version(placed, 1, placedMessage, 1);
        places.placeByStaff("XZY-2026-0002", "广州市", LocalDate.of(2026, 12, 31), "staff");
        places.placeByStaff("P-" + placedOrphan, "广州市", LocalDate.of(2026, 12, 31), "staff");

        String script;
        try (var in = getClass().getClassLoader().getResourceAsStream("db/migration/V17__case_places_pending.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String statement : Database.splitStatements(script)) {
            run(statement);
        }

        assertUnplaced("register of before the queue", "P-" + orphan, "XZY-2026-0001");
        version(caseOf("XZY-2026-0003"), 1, message(), null);
        assertUnplaced("case filed after the migration", "XZY-2026-0003");
    }

    /**
     * The check must say "maybe" whenever the listing finds something; after one listing it must say
     * exactly whether the listing found something; once the listing's cases are placed, "nothing".
     */
    private void assertUnplaced(String step, String... expected) {
        boolean maybe = places.mayHaveUnplaced();
        List<PlaceEvidence> unplaced = places.listUnplaced();
        assertThat(references(unplaced)).as(step).containsExactlyInAnyOrder(expected);
        if (!unplaced.isEmpty()) {
            assertThat(maybe).as(step + ": check before the listing").isTrue();
        }
        assertThat(places.mayHaveUnplaced()).as(step + ": check after the listing").isEqualTo(!unplaced.isEmpty());
        List<CasePlace> placed = new ArrayList<>();
        unplaced.forEach(evidence -> placed.add(new CasePlace(evidence.reference(), "广州市", "sender", LocalDate.of(2026, 12, 31),
                CasePlace.RECEIVED)));
        places.savePlaces(placed);
        assertThat(places.mayHaveUnplaced()).as(step + ": check once placed").isFalse();
        assertThat(places.listUnplaced()).as(step + ": listing once placed").isEmpty();
    }

    private static List<String> references(List<PlaceEvidence> unplaced) {
        return unplaced.stream().map(PlaceEvidence::reference).toList();
    }

    private long message() {
        messages++;
        return insert("""
                INSERT INTO messages (sha256, mailbox, size, received_at, registered_at, raw_path, status, from_address)
                VALUES (?, 'maildir:test', 1, ?, ?, ?, 'registered', 'a@gz.gov.cn')""",
                "sha" + messages, "2026-11-0" + (messages % 9 + 1) + "T08:00:00Z", "2026-11-10T08:00:00Z", "raw/" + messages + ".eml");
    }

    private long document(long message, int seq) {
        return insert("INSERT INTO documents (message_ref, attachment_seq, file_name, document_class, is_form) VALUES (?, ?, 'a.docx', 'proposal', 1)",
                message, seq);
    }

    /** A proposal of the document, every required column empty. */
    private long proposal(long document) {
        return database.inTransaction(connection -> {
            List<String> columns = CaseRows.query(connection, "SELECT name FROM pragma_table_info('proposals') WHERE \"notnull\" = 1 AND dflt_value IS NULL",
                    rows -> rows.getString(1));
            List<String> filled = columns.stream().filter(column -> !column.equals("document_ref") && !column.equals("message_ref")).toList();
            String sql = "INSERT INTO proposals (document_ref, message_ref, " + String.join(", ", filled) + ") VALUES (?, "
                    + "(SELECT message_ref FROM documents WHERE id = ?)" + ", ?".repeat(filled.size()) + ")";
            Object[] values = new Object[filled.size() + 2];
            values[0] = document;
            values[1] = document;
            for (int i = 0; i < filled.size(); i++) {
                values[i + 2] = filled.get(i).endsWith("_count") ? (Object) 0 : "";
            }
            return CaseRows.insert(connection, sql, values);
        });
    }

    private long caseOf(String reference) {
        return insert("""
                INSERT INTO cases (reference, year, seq, kind, status, created_at, updated_at)
                VALUES (?, 2026, ?, 'proposal', 'received', '2026-11-10T08:00:00Z', '2026-11-10T08:00:00Z')""",
                reference, Integer.parseInt(reference.substring(reference.length() - 4)));
    }

    private void version(long caseId, int version, long message, @Nullable Integer formSeq) {
        insert("INSERT INTO case_versions (case_ref, version, message_ref, form_seq, created_at) VALUES (?, ?, ?, ?, '2026-11-10T08:00:00Z')",
                caseId, version, message, formSeq);
    }

    private long insert(String sql, @Nullable Object... values) {
        return database.inTransaction(connection -> CaseRows.insert(connection, sql, values));
    }

    private void run(String sql, @Nullable Object... values) {
        database.inTransaction(connection -> CaseRows.update(connection, sql, values));
    }
}
