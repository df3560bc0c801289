package cn.gdhrss.intake.register;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cases and their reference numbers, versions and staff events; the outbox rows are written with them. */
public final class CaseRepository {
    private final Database database;
    private final Clock clock;

    public CaseRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Runs {@code work} in one register transaction: committed when it returns, rolled back when it
     * throws. The {@link CaseTransaction} must not escape the callback.
     */
    public <T> T inTransaction(Function<CaseTransaction, T> work) {
        return database.inTransaction(connection -> work.apply(new CaseTransaction(connection, clock)));
    }

    /** The headers intake kept for the message; empty when it was registered before they were kept (V13). */
    public Optional<StoredHeaders> findHeaders(long messageId) {
        return database.inTransaction(connection -> HeaderRows.find(connection, messageId));
    }

    /** Keeps the headers of a message registered before V13, read once from its raw file. */
    public void storeHeaders(long messageId, StoredHeaders headers) {
        database.inTransaction(connection -> {
            HeaderRows.store(connection, messageId, headers);
            return null;
        });
    }

    public List<CaseRecord> list(int limit) {
        return database.inTransaction(connection -> CaseRows.query(connection,
                "SELECT * FROM cases ORDER BY id DESC LIMIT ?", CaseRows::caseOf, limit));
    }

    public Optional<CaseRecord> find(String reference) {
        return inTransaction(transaction -> transaction.findCase(reference));
    }

    /** The cases a message was filed into, oldest first. */
    public List<CaseRecord> listCasesOfMessage(long messageId) {
        return database.inTransaction(connection -> CaseRows.query(connection, """
                SELECT * FROM cases WHERE id IN (SELECT case_ref FROM case_versions WHERE message_ref = ?) ORDER BY id
                """, CaseRows::caseOf, messageId));
    }

    public List<CaseVersionRecord> listVersions(long caseId) {
        return inTransaction(transaction -> transaction.listVersions(caseId));
    }

    public List<CaseEventRecord> listEvents(long caseId) {
        return database.inTransaction(connection -> CaseRows.query(connection,
                "SELECT * FROM case_events WHERE case_ref = ? ORDER BY id", CaseRows::eventOf, caseId));
    }

    /** Every mail we wrote about the case, oldest first. */
    public List<OutboxRecord> listOutbox(long caseId) {
        return database.inTransaction(connection -> CaseRows.query(connection, """
                SELECT o.* FROM outbox o JOIN outbox_cases oc ON oc.outbox_ref = o.id WHERE oc.case_ref = ? ORDER BY o.id
                """, CaseRows::outboxOf, caseId));
    }
}
