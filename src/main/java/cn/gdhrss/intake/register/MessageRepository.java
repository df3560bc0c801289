package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Messages after registration: their processing state, attachments and audit trail. */
public final class MessageRepository {
    public static final String FAILED = MessageStatus.FAILED.code();

    private final Database database;
    private final Clock clock;

    public MessageRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Runs {@code work} in one transaction, in which every repository call of this thread becomes a
     * savepoint: the pass commits a group of messages' outcomes at once (issue 12).
     */
    public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return database.inTransaction(connection -> work.get());
    }

    /** Ids of messages in {@code status}, oldest first. */
    public List<Long> listIdsWithStatus(String status) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM messages WHERE status = ? ORDER BY id")) {
                statement.setString(1, status);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    public Optional<MessageRecord> find(long id) {
        List<MessageRecord> found = query("SELECT * FROM messages WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every message, newest first, at most {@code limit}. */
    public List<MessageRecord> list(int limit) {
        return query("SELECT * FROM messages ORDER BY id DESC LIMIT ?", limit);
    }

    /** The newest {@code limit} messages older than {@code beforeId}: one page of a listing printed as it is read. */
    public List<MessageRecord> listBefore(long beforeId, int limit) {
        return query("SELECT * FROM messages WHERE id < ? ORDER BY id DESC LIMIT ?", beforeId, limit);
    }

    public Map<String, Integer> countByStatus() {
        return database.inTransaction(connection -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT status, count(*) FROM messages GROUP BY status ORDER BY status");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        });
    }

    /** Moves a message on when it is still in {@code from}; returns false when someone else did. */
    public boolean advance(long id, String from, String to, String eventKind, String detail) {
        return database.inTransaction(connection -> {
            boolean moved = updateStatus(connection, id, from, to, "");
            if (moved) {
                Events.add(connection, clock, id, eventKind, detail);
            }
            return moved;
        });
    }

    /**
     * Counts a failure of one processing step. After {@code maxAttempts} the message is set aside
     * as failed with the reason, until staff re-process it. Returns true when it was set aside.
     */
    public boolean recordFailure(long id, String step, String error, int maxAttempts) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE messages SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                statement.setString(1, bounded(error));
                statement.setLong(2, id);
                statement.executeUpdate();
            }
            int attempts = attemptsOf(connection, id);
            Events.add(connection, clock, id, "step_failed", step + " 第" + attempts + "次失败：" + bounded(error));
            if (attempts < maxAttempts) {
                return false;
            }
            String reason = "处理失败（" + step + "，已尝试" + attempts + "次）：" + bounded(error);
            setStatus(connection, id, FAILED, reason);
            Events.add(connection, clock, id, "set_aside", reason);
            return true;
        });
    }

    /** Sets a message's status and reason directly (e.g. too large to take apart), with an event. */
    public void markStatus(long id, String status, String reason, String eventKind) {
        database.inTransaction(connection -> {
            setStatus(connection, id, status, reason);
            Events.add(connection, clock, id, eventKind, reason);
            return null;
        });
    }

    /**
     * Replaces the attachments of a message with a new extraction and moves it from {@code from} to
     * {@code to}, all in one transaction: a re-run after a crash redoes the whole extraction.
     */
    public boolean saveExtraction(long id, List<AttachmentRecord> attachments, String bodyText, String from, String to, String detail) {
        return database.inTransaction(connection -> {
            deleteAttachments(connection, id);
            for (AttachmentRecord attachment : attachments) {
                insertAttachment(connection, id, attachment);
            }
            try (PreparedStatement statement = connection.prepareStatement("UPDATE messages SET body_text = ? WHERE id = ?")) {
                statement.setString(1, bodyText);
                statement.setLong(2, id);
                statement.executeUpdate();
            }
            if (!updateStatus(connection, id, from, to, "")) {
                connection.rollback();
                return false;
            }
            Events.add(connection, clock, id, "extracted", detail);
            return true;
        });
    }

    /** Sends a message back to the start of processing (staff's {@code reprocess}), asking for no new reply. */
    public boolean reprocess(long id, String initialStatus) {
        return reprocess(id, initialStatus, false);
    }

    /**
     * Sends a message back to the start of processing (staff's {@code reprocess}); with
     * {@code replyIfChanged} the answer step replies when the outcome of its case(s) changed.
     */
    public boolean reprocess(long id, String initialStatus, boolean replyIfChanged) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE messages SET status = ?, status_reason = '', attempts = 0, last_error = '' WHERE id = ?")) {
                statement.setString(1, initialStatus);
                statement.setLong(2, id);
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            deleteAttachments(connection, id);
            Events.add(connection, clock, id, replyIfChanged ? "reprocess_reply" : "reprocess",
                    replyIfChanged ? "工作人员要求重新处理，结果有变时回复" : "工作人员要求重新处理");
            return true;
        });
    }

    /** The class of a message (issue 10); empty before the answer step decided it. */
    public Optional<MailClassRecord> findMailClass(long id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT mail_class, mail_class_reasons, mail_class_by FROM messages WHERE id = ?")) {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() && !rows.getString(1).isEmpty()
                            ? Optional.of(new MailClassRecord(rows.getString(1), rows.getString(2), rows.getString(3)))
                            : Optional.<MailClassRecord>empty();
                }
            }
        });
    }

    /**
     * Staff's class for a message ({@code ./run.sh classify}): kept by the answer step from now on. A
     * message already answered or left without reply goes back to {@code answerStatus}, so that the
     * letter its new class calls for is written at the next pass; false when there is no such message.
     */
    public boolean classifyByStaff(long id, String mailClass, String reason, String answerStatus, List<String> answeredStatuses) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE messages SET mail_class = ?, mail_class_reasons = ?, mail_class_by = 'staff' WHERE id = ?")) {
                statement.setString(1, mailClass);
                statement.setString(2, reason);
                statement.setLong(3, id);
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            for (String answered : answeredStatuses) {
                updateStatus(connection, id, answered, answerStatus, "");
            }
            Events.add(connection, clock, id, "classify", reason);
            return true;
        });
    }

    public List<AttachmentRecord> listAttachments(long id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM attachments WHERE message_ref = ? ORDER BY seq")) {
                statement.setLong(1, id);
                List<AttachmentRecord> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(attachmentOf(rows));
                    }
                }
                return found;
            }
        });
    }

    /**
     * {@link #findMailClass} and {@link #listAttachments} of many messages in one transaction, a
     * few hundred ids a query: a listing of 100,000 mails asked two queries a mail (issue 12).
     */
    public Map<Long, MessageExtras> findExtras(List<Long> ids) {
        return database.inTransaction(connection -> {
            Map<Long, MailClassRecord> classes = new HashMap<>();
            Map<Long, List<AttachmentRecord>> attachments = new HashMap<>();
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, mail_class, mail_class_reasons, mail_class_by FROM messages WHERE id IN (" + in + ")")) {
                    bind(statement, chunk);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            if (!rows.getString(2).isEmpty()) {
                                classes.put(rows.getLong(1), new MailClassRecord(rows.getString(2), rows.getString(3), rows.getString(4)));
                            }
                        }
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT * FROM attachments WHERE message_ref IN (" + in + ") ORDER BY message_ref, seq")) {
                    bind(statement, chunk);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            attachments.computeIfAbsent(rows.getLong("message_ref"), unused -> new ArrayList<>()).add(attachmentOf(rows));
                        }
                    }
                }
            }
            Map<Long, MessageExtras> extras = new HashMap<>();
            for (Long id : ids) {
                extras.put(id, new MessageExtras(Optional.ofNullable(classes.get(id)), attachments.getOrDefault(id, List.of())));
            }
            return extras;
        });
    }

    /** A message's class (empty until the answer step ran) and its attachments in order. */
    public record MessageExtras(Optional<MailClassRecord> mailClass, List<AttachmentRecord> attachments) {}

    /**
     * The newest {@code limit} messages, newest first, each as the line {@code list} prints, handed
     * to {@code each} as read. The attachments are counted by a second statement stepping through
     * the attachments' key in the same order, instead of a lookup for every message (issue 12: a
     * third of the 100,000-line listing's SQL).
     */
    public void forEachLine(int limit, java.util.function.Consumer<MessageLine> each) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT m.id, CAST(strftime('%s', m.received_at) AS INTEGER), m.from_address, m.subject,
                           m.status, m.message_id, m.mail_class, m.mail_class_reasons
                    FROM messages m ORDER BY m.id DESC LIMIT ?
                    """);
                    PreparedStatement counts = connection.prepareStatement("""
                    SELECT message_ref, count(*) FROM attachments GROUP BY message_ref ORDER BY message_ref DESC
                    """)) {
                statement.setInt(1, limit);
                try (ResultSet rows = statement.executeQuery(); ResultSet attachments = counts.executeQuery()) {
                    AttachmentCounts counted = new AttachmentCounts(attachments);
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        String mailClass = CaseRows.text(rows, 7);
                        each.accept(new MessageLine(id, rows.getLong(2), CaseRows.text(rows, 3), CaseRows.text(rows, 4),
                                counted.of(id), CaseRows.text(rows, 5), CaseRows.text(rows, 6), mailClass,
                                mailClass.isEmpty() ? "" : CaseRows.text(rows, 8)));
                    }
                }
            }
            return null;
        });
    }

    /** The attachment counts by message, newest message first, read alongside a listing in that order. */
    private static final class AttachmentCounts {
        private final ResultSet counts;
        private long message = Long.MAX_VALUE;
        private int count;
        private boolean more = true;

        AttachmentCounts(ResultSet counts) {
            this.counts = counts;
        }

        /** The count of message {@code id}, which is below every id asked for before. */
        int of(long id) throws SQLException {
            while (more && message > id) {
                more = counts.next();
                if (more) {
                    message = counts.getLong(1);
                    count = counts.getInt(2);
                }
            }
            return more && message == id ? count : 0;
        }
    }

    private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }

    public List<EventRecord> listEvents(long id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT at, kind, detail FROM events WHERE message_ref = ? ORDER BY id")) {
                statement.setLong(1, id);
                List<EventRecord> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new EventRecord(Instant.parse(rows.getString(1)), rows.getString(2), rows.getString(3)));
                    }
                }
                return found;
            }
        });
    }

    public void addEvent(long id, String kind, String detail) {
        database.inTransaction(connection -> {
            Events.add(connection, clock, id, kind, detail);
            return null;
        });
    }

    private List<MessageRecord> query(String sql, Object... parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<MessageRecord> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(messageOf(rows));
                    }
                }
                return found;
            }
        });
    }

    private static boolean updateStatus(Connection connection, long id, String from, String to, String reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE messages SET status = ?, status_reason = ? WHERE id = ? AND status = ?")) {
            statement.setString(1, to);
            statement.setString(2, reason);
            statement.setLong(3, id);
            statement.setString(4, from);
            return statement.executeUpdate() == 1;
        }
    }

    private static void setStatus(Connection connection, long id, String status, String reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE messages SET status = ?, status_reason = ? WHERE id = ?")) {
            statement.setString(1, status);
            statement.setString(2, reason);
            statement.setLong(3, id);
            statement.executeUpdate();
        }
    }

    private static int attemptsOf(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT attempts FROM messages WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static void deleteAttachments(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM attachments WHERE message_ref = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    private static void insertAttachment(Connection connection, long id, AttachmentRecord attachment) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO attachments (message_ref, seq, parent_seq, origin, name, declared_type, detected_type, size,
                    sha256, kind, status, status_reason, url, duration_seconds, width, height, container)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            statement.setLong(1, id);
            statement.setInt(2, attachment.seq());
            setNullable(statement, 3, attachment.parentSeq(), Types.INTEGER);
            statement.setString(4, attachment.origin());
            statement.setString(5, attachment.name());
            statement.setString(6, attachment.declaredType());
            statement.setString(7, attachment.detectedType());
            statement.setLong(8, attachment.size());
            statement.setString(9, attachment.sha256());
            statement.setString(10, attachment.kind());
            statement.setString(11, attachment.status());
            statement.setString(12, attachment.statusReason());
            statement.setString(13, attachment.url());
            setNullable(statement, 14, attachment.durationSeconds(), Types.REAL);
            setNullable(statement, 15, attachment.width(), Types.INTEGER);
            setNullable(statement, 16, attachment.height(), Types.INTEGER);
            statement.setString(17, attachment.container());
            statement.executeUpdate();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, @Nullable Object value, int type) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else {
            statement.setObject(index, value);
        }
    }

    private static MessageRecord messageOf(ResultSet rows) throws SQLException {
        String date = rows.getString("date_header");
        return new MessageRecord(
                rows.getLong("id"),
                rows.getString("message_id"),
                rows.getString("sha256"),
                rows.getString("mailbox"),
                rows.getString("uid"),
                rows.getString("from_address"),
                rows.getString("reply_to"),
                rows.getString("to_address"),
                date == null ? null : Instant.parse(date),
                rows.getString("subject"),
                rows.getLong("size"),
                Instant.parse(rows.getString("received_at")),
                Instant.parse(rows.getString("registered_at")),
                rows.getString("raw_path"),
                rows.getString("status"),
                rows.getString("status_reason"),
                rows.getInt("attempts"),
                rows.getString("last_error"),
                rows.getInt("message_id_conflict") == 1,
                rows.getString("body_text"));
    }

    private static AttachmentRecord attachmentOf(ResultSet rows) throws SQLException {
        return new AttachmentRecord(
                rows.getInt("seq"),
                (Integer) rows.getObject("parent_seq"),
                rows.getString("origin"),
                rows.getString("name"),
                rows.getString("declared_type"),
                rows.getString("detected_type"),
                rows.getLong("size"),
                rows.getString("sha256"),
                rows.getString("kind"),
                rows.getString("status"),
                rows.getString("status_reason"),
                rows.getString("url"),
                rows.getObject("duration_seconds") == null ? null : rows.getDouble("duration_seconds"),
                (Integer) rows.getObject("width"),
                (Integer) rows.getObject("height"),
                rows.getString("container"));
    }

    private static String bounded(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
