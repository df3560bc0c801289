package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.count;
import static cn.gdhrss.intake.register.CaseRows.insert;
import static cn.gdhrss.intake.register.CaseRows.placeholders;
import static cn.gdhrss.intake.register.CaseRows.query;
import static cn.gdhrss.intake.register.CaseRows.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The register inside one transaction of {@link CaseRepository#inTransaction}: cases, versions, the
 * outbox and the message's status change together or not at all. Valid only inside the callback.
 */
public final class CaseTransaction {
    private final Connection connection;
    private final Clock clock;

    CaseTransaction(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** A new case with the next reference number of {@code year}, e.g. XZY-2026-0001. */
    public CaseRecord openCase(int year, String kind, String title, String applicant, @Nullable String batch, String status) {
        return run(() -> {
            int seq = nextSeq(year);
            String reference = String.format(Locale.ROOT, "XZY-%04d-%04d", year, seq);
            Instant now = clock.instant();
            long id = insert(connection, """
                    INSERT INTO cases (reference, year, seq, kind, title, applicant, batch, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, reference, year, seq, kind, title, applicant, batch, status, now, now);
            return new CaseRecord(id, reference, kind, title, applicant, batch, status, false, now, now);
        });
    }

    public Optional<CaseRecord> findCase(String reference) {
        return run(() -> query(connection, "SELECT * FROM cases WHERE reference = ?", CaseRows::caseOf, reference)
                .stream().findFirst());
    }

    /** Cases in the batch whose first case has {@code batch} as reference (that case included). */
    public List<CaseRecord> listBatch(String batch) {
        return run(() -> query(connection, "SELECT * FROM cases WHERE batch = ? OR reference = ? ORDER BY id",
                CaseRows::caseOf, batch, batch));
    }

    /**
     * Cases a thread belongs to: those with a version whose message has one of {@code messageIds},
     * and those we wrote a mail about with one of them as Message-ID. Oldest case first.
     */
    public List<CaseRecord> listCasesOfThread(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        Object[] twice = new Object[messageIds.size() * 2];
        List<String> ids = new ArrayList<>(messageIds);
        for (int i = 0; i < ids.size(); i++) {
            twice[i] = ids.get(i);
            twice[ids.size() + i] = ids.get(i);
        }
        String in = placeholders(ids.size());
        return run(() -> query(connection, """
                SELECT * FROM cases WHERE id IN (
                    SELECT v.case_ref FROM case_versions v JOIN messages m ON m.id = v.message_ref WHERE m.message_id IN (%s)
                    UNION
                    SELECT oc.case_ref FROM outbox_cases oc JOIN outbox o ON o.id = oc.outbox_ref WHERE o.message_id IN (%s))
                ORDER BY id
                """.replace("%s", in), CaseRows::caseOf, twice));
    }

    /** Outgoing mails of ours with one of these Message-IDs (a bounce names them). */
    public List<OutboxRecord> listOutboxByMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return run(() -> query(connection, "SELECT * FROM outbox WHERE message_id IN (" + placeholders(messageIds.size()) + ")",
                CaseRows::outboxOf, messageIds.toArray()));
    }

    public List<Long> listCaseIdsOfOutbox(long outboxId) {
        return run(() -> query(connection, "SELECT case_ref FROM outbox_cases WHERE outbox_ref = ? ORDER BY case_ref",
                rows -> rows.getLong(1), outboxId));
    }

    public boolean isKnownSender(long caseId, String address) {
        return run(() -> count(connection, "SELECT count(*) FROM case_senders WHERE case_ref = ? AND address = ?",
                caseId, address.toLowerCase(Locale.ROOT)) > 0);
    }

    public void addSender(long caseId, String address) {
        run(() -> update(connection, "INSERT OR IGNORE INTO case_senders (case_ref, address) VALUES (?, ?)",
                caseId, address.toLowerCase(Locale.ROOT)));
    }

    /** Files {@code messageId} into the case as its next version; returns the version number. */
    public int addVersion(long caseId, long messageId, @Nullable Integer formSeq, int errors, int warnings) {
        return run(() -> {
            int version = count(connection, "SELECT coalesce(max(version), 0) FROM case_versions WHERE case_ref = ?", caseId) + 1;
            insert(connection, """
                    INSERT INTO case_versions (case_ref, version, message_ref, form_seq, error_count, warning_count, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, caseId, version, messageId, formSeq, errors, warnings, clock.instant());
            return version;
        });
    }

    /** The cases {@code messageId} was already filed into, oldest first: a reprocessed message stays in them (issue 8). */
    public List<CaseRecord> listCasesOfMessage(long messageId) {
        return run(() -> query(connection, """
                SELECT * FROM cases WHERE id IN (SELECT case_ref FROM case_versions WHERE message_ref = ?) ORDER BY id
                """, CaseRows::caseOf, messageId));
    }

    /** The version of the case that {@code messageId} is. */
    public Optional<CaseVersionRecord> findVersion(long caseId, long messageId) {
        return run(() -> query(connection, "SELECT * FROM case_versions WHERE case_ref = ? AND message_ref = ?",
                CaseRows::versionOf, caseId, messageId).stream().findFirst());
    }

    /** Rewrites what a version carries after its message was read again. */
    public void updateVersion(long caseId, long messageId, @Nullable Integer formSeq, int errors, int warnings) {
        run(() -> update(connection, """
                UPDATE case_versions SET form_seq = ?, error_count = ?, warning_count = ? WHERE case_ref = ? AND message_ref = ?
                """, formSeq, errors, warnings, caseId, messageId));
    }

    /** The case's latest version number, 0 without any. */
    public int latestVersion(long caseId) {
        return run(() -> count(connection, "SELECT coalesce(max(version), 0) FROM case_versions WHERE case_ref = ?", caseId));
    }

    /** Whether staff asked for a reply when they last reprocessed {@code messageId} ({@code reprocess ID --reply}). */
    public boolean isReplyRequested(long messageId) {
        return run(() -> query(connection, """
                SELECT kind FROM events WHERE message_ref = ? AND kind IN ('reprocess', 'reprocess_reply') ORDER BY id DESC LIMIT 1
                """, rows -> rows.getString(1), messageId).stream().anyMatch("reprocess_reply"::equals));
    }

    /** Mails we queued in answer to {@code messageId}. */
    public int countRepliesToMessage(long messageId) {
        return run(() -> count(connection, "SELECT count(*) FROM outbox WHERE message_ref = ?", messageId));
    }

    public List<CaseVersionRecord> listVersions(long caseId) {
        return run(() -> query(connection, "SELECT * FROM case_versions WHERE case_ref = ? ORDER BY version",
                CaseRows::versionOf, caseId));
    }

    public void updateCase(long caseId, String title, String applicant, String status) {
        run(() -> update(connection, """
                UPDATE cases SET title = CASE WHEN ? = '' THEN title ELSE ? END,
                    applicant = CASE WHEN ? = '' THEN applicant ELSE ? END, status = ?, updated_at = ? WHERE id = ?
                """, title, title, applicant, applicant, status, clock.instant(), caseId));
    }

    /** A case opened without a proposal that now has one (its message was read again). */
    public void setKind(long caseId, String kind) {
        run(() -> update(connection, "UPDATE cases SET kind = ?, updated_at = ? WHERE id = ?", kind, clock.instant(), caseId));
    }

    /** Records something on the case; {@code flag} marks the case for staff. */
    public void addCaseEvent(long caseId, @Nullable Long messageId, String kind, String detail, boolean flag) {
        run(() -> {
            CaseRows.addCaseEvent(connection, clock.instant(), caseId, messageId, kind, detail);
            if (flag) {
                CaseRows.flag(connection, clock.instant(), caseId);
            }
            return null;
        });
    }

    /** Whether another message with this Message-ID was already answered or filed. */
    public boolean isMessageIdHandled(String messageId, long exceptMessage) {
        return run(() -> count(connection, """
                SELECT count(*) FROM messages WHERE message_id = ? AND id <> ?
                    AND (status IN ('answered', 'no_reply') OR id IN (SELECT message_ref FROM case_versions))
                """, messageId, exceptMessage) > 0);
    }

    /** Automatic replies queued to {@code address} since {@code since} (staff mail not counted). */
    public int countRepliesTo(String address, Instant since) {
        return run(() -> count(connection, """
                SELECT count(*) FROM outbox WHERE to_address = ? AND created_at >= ? AND message_ref IS NOT NULL
                """, address.toLowerCase(Locale.ROOT), since));
    }

    public int countRepliesForCase(long caseId, Instant since) {
        return run(() -> count(connection, """
                SELECT count(*) FROM outbox o JOIN outbox_cases oc ON oc.outbox_ref = o.id
                WHERE oc.case_ref = ? AND o.created_at >= ?
                """, caseId, since));
    }

    /** Queues a mail for the sender job; returns its outbox id. */
    public long queueMail(NewOutgoingMail mail) {
        return run(() -> {
            Instant now = clock.instant();
            long id = insert(connection, """
                    INSERT INTO outbox (case_ref, reference, message_ref, kind, to_address, subject, message_id, in_reply_to,
                        references_ids, body_text, body_html, state, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)
                    """, mail.caseIds().isEmpty() ? null : mail.caseIds().get(0), mail.reference(), mail.messageRef(),
                    mail.kind(), mail.to().toLowerCase(Locale.ROOT), mail.subject(), mail.messageId(), mail.inReplyTo(),
                    String.join(" ", mail.references()), mail.bodyText(), mail.bodyHtml(), now, now);
            for (long caseId : mail.caseIds()) {
                update(connection, "INSERT OR IGNORE INTO outbox_cases (outbox_ref, case_ref) VALUES (?, ?)", id, caseId);
            }
            for (int position = 0; position < mail.attachments().size(); position++) {
                OutgoingAttachment attachment = mail.attachments().get(position);
                update(connection, """
                        INSERT INTO outbox_attachments (outbox_ref, position, file_path, file_name, content_type) VALUES (?, ?, ?, ?, ?)
                        """, id, position, attachment.filePath(), attachment.fileName(), attachment.contentType());
            }
            return id;
        });
    }

    /** Moves a message on when it is still in {@code from}, with an event; false when it was not. */
    public boolean moveMessage(long messageId, String from, String to, String reason, String eventKind, String detail) {
        return run(() -> {
            int moved = update(connection, "UPDATE messages SET status = ?, status_reason = ? WHERE id = ? AND status = ?",
                    to, reason, messageId, from);
            if (moved == 1) {
                Events.add(connection, clock, messageId, eventKind, detail);
            }
            return moved == 1;
        });
    }

    public void addMessageEvent(long messageId, String kind, String detail) {
        run(() -> {
            Events.add(connection, clock, messageId, kind, detail);
            return null;
        });
    }

    public Optional<String> findState(String name) {
        return run(() -> query(connection, "SELECT value FROM service_state WHERE name = ?", rows -> rows.getString(1), name)
                .stream().findFirst());
    }

    public void putState(String name, String value) {
        run(() -> update(connection, """
                INSERT INTO service_state (name, value, changed_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at
                """, name, value, clock.instant()));
    }

    /** Records the class of a message and why (issue 10), in the transaction that acts on it. */
    public void recordMailClass(long messageId, String mailClass, String reasons, String decidedBy) {
        run(() -> update(connection, "UPDATE messages SET mail_class = ?, mail_class_reasons = ?, mail_class_by = ? WHERE id = ?",
                mailClass, reasons, decidedBy, messageId));
    }

    public Optional<MailClassRecord> findMailClass(long messageId) {
        return run(() -> query(connection, "SELECT mail_class, mail_class_reasons, mail_class_by FROM messages WHERE id = ?",
                rows -> new MailClassRecord(rows.getString(1), rows.getString(2), rows.getString(3)), messageId)
                .stream().filter(found -> !found.mailClass().isEmpty()).findFirst());
    }

    /** Letters of these kinds already queued in answer to {@code messageId}: a reclassified message gets its letter once. */
    public int countLettersOf(long messageId, Collection<String> kinds) {
        List<Object> parameters = new ArrayList<>(List.of(messageId));
        parameters.addAll(kinds);
        return run(() -> count(connection, "SELECT count(*) FROM outbox WHERE message_ref = ? AND kind IN (" + placeholders(kinds.size()) + ")",
                parameters.toArray()));
    }

    /** Mails of {@code kind} queued to {@code address} since {@code since}. */
    public int countRepliesOfKindTo(String address, String kind, Instant since) {
        return run(() -> count(connection, "SELECT count(*) FROM outbox WHERE to_address = ? AND kind = ? AND created_at >= ?",
                address.toLowerCase(Locale.ROOT), kind, since));
    }

    public Instant now() {
        return clock.instant();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T run(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw RegisterException.failed("登记库", e);
        }
    }

    private int nextSeq(int year) throws SQLException {
        update(connection, """
                INSERT INTO reference_counters (year, last_seq) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1
                """, year);
        return count(connection, "SELECT last_seq FROM reference_counters WHERE year = ?", year);
    }
}
