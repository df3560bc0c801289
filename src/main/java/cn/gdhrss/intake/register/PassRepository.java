package cn.gdhrss.intake.register;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The history of passes, for {@code status} and the health mail. */
public final class PassRepository {
    private final Database database;

    public PassRepository(Database database) {
        this.database = database;
    }

    public record PassRecord(long id, String mailbox, Instant startedAt, Instant finishedAt,
            int newCount, int duplicateCount, int failedCount, String error) {
        public boolean isOk() {
            return error.isEmpty();
        }
    }

    public void record(String mailbox, Instant startedAt, Instant finishedAt, int fresh, int duplicates, int failed, String error) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO passes (mailbox, started_at, finished_at, new_count, duplicate_count, failed_count, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)) {
                statement.setString(1, mailbox);
                statement.setString(2, startedAt.toString());
                statement.setString(3, finishedAt.toString());
                statement.setInt(4, fresh);
                statement.setInt(5, duplicates);
                statement.setInt(6, failed);
                statement.setString(7, error);
                statement.executeUpdate();
            }
            return null;
        });
    }

    public List<PassRecord> listRecent(int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM passes ORDER BY id DESC LIMIT ?")) {
                statement.setInt(1, limit);
                List<PassRecord> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new PassRecord(rows.getLong("id"), rows.getString("mailbox"),
                                Instant.parse(rows.getString("started_at")), Instant.parse(rows.getString("finished_at")),
                                rows.getInt("new_count"), rows.getInt("duplicate_count"), rows.getInt("failed_count"),
                                rows.getString("error")));
                    }
                }
                return found;
            }
        });
    }

    /** The last pass over a mailbox that succeeded, if any. */
    public Optional<Instant> lastSuccess(String mailbox) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT max(finished_at) FROM passes WHERE mailbox = ? AND error = ''")) {
                statement.setString(1, mailbox);
                try (ResultSet rows = statement.executeQuery()) {
                    String at = rows.next() ? rows.getString(1) : null;
                    return at == null ? Optional.empty() : Optional.of(Instant.parse(at));
                }
            }
        });
    }

    /** Every mailbox that was ever read, with its last successful pass (null when none succeeded), by name. */
    public java.util.Map<String, @org.jspecify.annotations.Nullable Instant> lastSuccessByMailbox() {
        return database.inTransaction(connection -> {
            java.util.Map<String, @org.jspecify.annotations.Nullable Instant> last = new java.util.TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT mailbox, max(CASE WHEN error = '' THEN finished_at END) FROM passes GROUP BY mailbox ORDER BY mailbox");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String at = rows.getString(2);
                    last.put(rows.getString(1), at == null ? null : Instant.parse(at));
                }
            }
            return last;
        });
    }
}
