package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Registers archived messages exactly once. The message row, its first event, the (mailbox, uid)
 * it came as and the mailbox checkpoint are written in one transaction: after a crash either all
 * of it is there or none, and the next pass finds the message again and dedupes it by content.
 */
public final class IntakeRepository {
    private final Database database;
    private final Clock clock;

    public IntakeRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Registration register(NewMessage message) {
        return database.inTransaction(connection -> {
            Optional<Long> existing = findBySha256(connection, message.sha256());
            if (existing.isPresent()) {
                Events.add(connection, clock, existing.get(), "duplicate_delivery",
                        "再次收到相同邮件：" + message.mailbox() + " " + message.uid());
                recordUid(connection, message, existing.get());
                return new Registration(Registration.Outcome.DUPLICATE, existing.get());
            }
            boolean conflict = message.messageId() != null && hasMessageId(connection, message.messageId());
            long id = insert(connection, message, conflict);
            if (message.headers() != null) {
                HeaderRows.store(connection, id, message.headers());
            }
            Events.add(connection, clock, id, "received", "收到邮件，原文已归档：" + message.rawPath());
            if (conflict) {
                Events.add(connection, clock, id, "message_id_conflict",
                        "Message-ID 与已登记邮件相同但内容不同：" + message.messageId());
            }
            recordUid(connection, message, id);
            return new Registration(conflict ? Registration.Outcome.MESSAGE_ID_CONFLICT : Registration.Outcome.NEW, id);
        });
    }

    public boolean isTaken(String mailbox, long uidValidity, String uid) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT 1 FROM mailbox_uids WHERE mailbox = ? AND uid_validity = ? AND uid = ?")) {
                statement.setString(1, mailbox);
                statement.setLong(2, uidValidity);
                statement.setString(3, uid);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    public Optional<Checkpoint> checkpoint(String mailbox) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT uid_validity, last_uid FROM mailbox_checkpoints WHERE mailbox = ?")) {
                statement.setString(1, mailbox);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(new Checkpoint(rows.getLong(1), rows.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    private void recordUid(Connection connection, NewMessage message, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT OR IGNORE INTO mailbox_uids (mailbox, uid_validity, uid, message_ref, taken_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, message.mailbox());
            statement.setLong(2, message.uidValidity());
            statement.setString(3, message.uid());
            statement.setLong(4, id);
            statement.setString(5, clock.instant().toString());
            statement.executeUpdate();
        }
        if (message.uidValidity() > 0) {
            advanceCheckpoint(connection, message);
        }
    }

    private void advanceCheckpoint(Connection connection, NewMessage message) throws SQLException {
        long uid = Long.parseLong(message.uid());
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO mailbox_checkpoints (mailbox, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (mailbox) DO UPDATE SET
                    last_uid = CASE WHEN uid_validity = excluded.uid_validity THEN max(last_uid, excluded.last_uid) ELSE excluded.last_uid END,
                    uid_validity = excluded.uid_validity,
                    updated_at = excluded.updated_at
                """)) {
            statement.setString(1, message.mailbox());
            statement.setLong(2, message.uidValidity());
            statement.setLong(3, uid);
            statement.setString(4, clock.instant().toString());
            statement.executeUpdate();
        }
    }

    private static Optional<Long> findBySha256(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM messages WHERE sha256 = ?")) {
            statement.setString(1, sha256);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean hasMessageId(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM messages WHERE message_id = ?")) {
            statement.setString(1, messageId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private long insert(Connection connection, NewMessage message, boolean conflict) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO messages (message_id, sha256, mailbox, uid, from_address, reply_to, to_address,
                    date_header, subject, size, received_at, registered_at, raw_path, status, message_id_conflict)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)
                """)) {
            statement.setString(1, message.messageId());
            statement.setString(2, message.sha256());
            statement.setString(3, message.mailbox());
            statement.setString(4, message.uid());
            statement.setString(5, message.fromAddress());
            statement.setString(6, message.replyTo());
            statement.setString(7, message.toAddress());
            statement.setString(8, instantOrNull(message.dateHeader()));
            statement.setString(9, message.subject());
            statement.setLong(10, message.size());
            statement.setString(11, message.receivedAt().toString());
            statement.setString(12, clock.instant().toString());
            statement.setString(13, message.rawPath());
            statement.setInt(14, conflict ? 1 : 0);
            statement.executeUpdate();
        }
        return CaseRows.lastInsertId(connection);
    }

    private static @Nullable String instantOrNull(java.time.@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
