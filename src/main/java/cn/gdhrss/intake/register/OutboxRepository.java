package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;
import static cn.gdhrss.intake.register.CaseRows.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outbox's delivery states. A sender {@linkplain #claim claims} a row (attempt counted), marks
 * it {@linkplain #markTransmitting transmitting} just before handing the bytes to the server, and
 * records the outcome. Each step is its own commit, so after a crash the state says how far the
 * dead sender got: a row still {@code claimed} was never offered to the server and may be sent
 * again; a row {@code transmitting} may or may not have been accepted and becomes {@code uncertain}
 * for staff (at most once, never twice).
 */
public final class OutboxRepository {
    public static final String QUEUED = "queued";
    public static final String CLAIMED = "claimed";
    public static final String TRANSMITTING = "transmitting";
    public static final String SENT = "sent";
    /** Written as an .eml file because no SMTP server is configured: nothing left the machine. */
    public static final String WRITTEN = "written";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";
    public static final String UNCERTAIN = "uncertain";

    private final Database database;
    private final Clock clock;

    public OutboxRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Ids of rows waiting to be sent whose time has come, oldest first. */
    public List<Long> listDue(int limit) {
        return database.inTransaction(connection -> query(connection, """
                SELECT id FROM outbox WHERE state IN ('queued', 'retrying') AND next_attempt_at <= ? ORDER BY id LIMIT ?
                """, rows -> rows.getLong(1), clock.instant(), limit));
    }

    /** Takes a due row for {@code owner}, counting the attempt; empty when another sender has it. */
    public Optional<OutboxRecord> claim(long id, String owner) {
        return database.inTransaction(connection -> {
            int claimed = update(connection, """
                    UPDATE outbox SET state = 'claimed', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                    WHERE id = ? AND state IN ('queued', 'retrying')
                    """, owner, clock.instant(), id);
            return claimed == 1 ? findIn(connection, id) : Optional.<OutboxRecord>empty();
        });
    }

    /** The sender is about to hand the message over; false when the claim was lost. */
    public boolean markTransmitting(long id, String owner) {
        // The start time stays on the row: should the sender die now, staff know when to look in the server's log.
        return database.inTransaction(connection -> update(connection, """
                UPDATE outbox SET state = 'transmitting', last_response = ?
                WHERE id = ? AND state = 'claimed' AND claimed_by = ?
                """, "开始交给邮件服务器：" + clock.instant(), id, owner) == 1);
    }

    /** Delivered: {@link #SENT} when a mail server took it, {@link #WRITTEN} when it was only written as a file. */
    public void markDelivered(long id, String response, String state) {
        database.inTransaction(connection -> update(connection, """
                UPDATE outbox SET state = ?, sent_at = ?, last_response = ?, claimed_by = NULL WHERE id = ?
                """, state, clock.instant(), bounded(response), id));
    }

    /**
     * A temporary failure: try again at {@code next}. When the attempts reach {@code warnAfter}, the
     * cases the mail is about are flagged, so a reply that keeps failing shows on its case.
     */
    public void markRetry(long id, String response, Instant next, int warnAfter) {
        database.inTransaction(connection -> {
            update(connection, """
                    UPDATE outbox SET state = 'retrying', next_attempt_at = ?, last_response = ?, claimed_by = NULL WHERE id = ?
                    """, next, bounded(response), id);
            Optional<OutboxRecord> row = findIn(connection, id);
            if (row.isPresent() && row.get().attempts() == warnAfter) {
                noteOnCases(connection, id, "reply_failing",
                        "回复邮件（外发编号 " + id + "）已连续 " + warnAfter + " 次发送失败，仍在重试：" + bounded(response));
            }
            return null;
        });
    }

    /**
     * The sender could not even try (the disk under the outbox is full): back to the queue for
     * {@code next}, the attempt not counted, since the mail itself is not at fault.
     */
    public void releaseUncounted(long id, String response, Instant next) {
        database.inTransaction(connection -> update(connection, """
                UPDATE outbox SET state = 'retrying', next_attempt_at = ?, last_response = ?, claimed_by = NULL,
                    attempts = max(attempts - 1, 0)
                WHERE id = ? AND state IN ('claimed', 'transmitting')
                """, next, bounded(response), id));
    }

    /** A permanent refusal or the attempts used up: the row stays failed until staff resend it. */
    public void markFailed(long id, String response) {
        database.inTransaction(connection -> {
            update(connection, "UPDATE outbox SET state = 'failed', last_response = ?, claimed_by = NULL WHERE id = ?",
                    bounded(response), id);
            noteOnCases(connection, id, "reply_failed", "回复邮件（外发编号 " + id + "）发送失败，已停止重试：" + bounded(response));
            return null;
        });
    }

    /**
     * Settles the rows of senders that died ({@code isDead} says so for their claim owner): a
     * claimed row goes back to the queue, a transmitting row becomes uncertain and its cases are
     * flagged, unless {@code redoTransmitting} (the transport's delivery is idempotent, like writing a
     * file by the row's id): then it is simply queued again. Returns how many rows were settled.
     */
    public int recoverAbandoned(Predicate<String> isDead, boolean redoTransmitting) {
        return database.inTransaction(connection -> {
            List<OutboxRecord> held = query(connection,
                    "SELECT * FROM outbox WHERE state IN ('claimed', 'transmitting') ORDER BY id", CaseRows::outboxOf);
            int settled = 0;
            for (OutboxRecord row : held) {
                if (row.claimedBy() == null || isDead.test(row.claimedBy())) {
                    settle(connection, row, redoTransmitting);
                    settled++;
                }
            }
            return settled;
        });
    }

    /** Staff's {@code resend}: queue the row again (same Message-ID); false when unknown or being sent. */
    public boolean requeue(long id) {
        return database.inTransaction(connection -> {
            int changed = update(connection, """
                    UPDATE outbox SET state = 'queued', next_attempt_at = ?, attempts = 0, claimed_by = NULL
                    WHERE id = ? AND state NOT IN ('claimed', 'transmitting')
                    """, clock.instant(), id);
            if (changed == 1) {
                noteOnCases(connection, id, "reply_resend", "工作人员要求重发回复邮件（外发编号 " + id + "）", false);
            }
            return changed == 1;
        });
    }

    public Optional<OutboxRecord> find(long id) {
        return database.inTransaction(connection -> findIn(connection, id));
    }

    /** The files to send with row {@code id}, in order; empty for a mail without attachments. */
    public List<OutgoingAttachment> listAttachments(long id) {
        return database.inTransaction(connection -> query(connection, """
                SELECT file_path, file_name, content_type FROM outbox_attachments WHERE outbox_ref = ? ORDER BY position
                """, rows -> new OutgoingAttachment(rows.getString(1), rows.getString(2), rows.getString(3)), id));
    }

    /** Newest first, at most {@code limit}. */
    public List<OutboxRecord> list(int limit) {
        return database.inTransaction(connection -> query(connection, "SELECT * FROM outbox ORDER BY id DESC LIMIT ?",
                CaseRows::outboxOf, limit));
    }

    /** Rows that need staff: failed, uncertain, or retrying after at least {@code warnAfter} attempts. */
    public List<OutboxRecord> listTrouble(int warnAfter) {
        return database.inTransaction(connection -> query(connection, """
                SELECT * FROM outbox WHERE state IN ('failed', 'uncertain') OR (state = 'retrying' AND attempts >= ?) ORDER BY id
                """, CaseRows::outboxOf, warnAfter));
    }

    public Map<String, Integer> countByState() {
        return database.inTransaction(connection -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Object[] row : query(connection, "SELECT state, count(*) FROM outbox GROUP BY state ORDER BY state",
                    rows -> new Object[] {rows.getString(1), rows.getInt(2)})) {
                counts.put((String) row[0], (Integer) row[1]);
            }
            return counts;
        });
    }

    private void settle(Connection connection, OutboxRecord row, boolean redoTransmitting) throws SQLException {
        if (row.state().equals(CLAIMED) || redoTransmitting) {
            update(connection, "UPDATE outbox SET state = 'retrying', next_attempt_at = ?, claimed_by = NULL WHERE id = ?",
                    clock.instant(), row.id());
            return;
        }
        update(connection, """
                UPDATE outbox SET state = 'uncertain', claimed_by = NULL,
                    last_response = '发送进程在交给邮件服务器时中断，无法确定对方是否已收到（' || last_response || '）' WHERE id = ?
                """, row.id());
        noteOnCases(connection, row.id(), "reply_uncertain", "回复邮件（外发编号 " + row.id()
                + "）发送时进程中断，无法确定是否送达；未自动重发，请核实后用 resend 重发");
    }

    private void noteOnCases(Connection connection, long outboxId, String kind, String detail) throws SQLException {
        noteOnCases(connection, outboxId, kind, detail, true);
    }

    private void noteOnCases(Connection connection, long outboxId, String kind, String detail, boolean flag) throws SQLException {
        List<Long> cases = query(connection, "SELECT case_ref FROM outbox_cases WHERE outbox_ref = ?", rows -> rows.getLong(1), outboxId);
        for (long caseId : cases) {
            CaseRows.addCaseEvent(connection, clock.instant(), caseId, null, kind, detail);
            if (flag) {
                CaseRows.flag(connection, clock.instant(), caseId);
            }
        }
    }

    private static Optional<OutboxRecord> findIn(Connection connection, long id) throws SQLException {
        return query(connection, "SELECT * FROM outbox WHERE id = ?", CaseRows::outboxOf, id).stream().findFirst();
    }

    private static String bounded(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
