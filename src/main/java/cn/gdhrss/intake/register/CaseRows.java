package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Row mapping and small statements shared by the register's repositories. */
final class CaseRows {
    private CaseRows() {}

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(mapper.map(rows));
                }
            }
            return found;
        }
    }

    /**
     * {@code getString} of a column, read as its UTF-8 bytes (the register's encoding): the
     * driver hands text out through a direct buffer made for each call, which was most of the
     * cost of reading the 1,000,000 cells of a whole-register listing (issue 12).
     */
    static @Nullable String text(ResultSet rows, int column) throws SQLException {
        byte[] bytes = rows.getBytes(column);
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@link Instant#parse} of a time as the register stores it (2026-08-03T02:00:00Z), read without
     * the general formatter, which took an eighth of a 100,000-row summary in a fresh JVM (issue 12).
     * Any other form, a fraction of a second, 24:00 or a date that does not exist goes to
     * {@code Instant.parse}: the result, or the exception, is always its own.
     */
    static Instant instant(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second);
            }
        }
        return Instant.parse(text);
    }

    /** The number written by {@code length} ASCII digits at {@code start}, or -1. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int index = start; index < start + length; index++) {
            char digit = text.charAt(index);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + digit - '0';
        }
        return value;
    }

    static int update(Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static long insert(Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
        return lastInsertId(connection);
    }

    /**
     * The id of the row the last INSERT on {@code connection} added (not one a trigger added).
     * Instead of {@code RETURN_GENERATED_KEYS}: the driver then prepares {@code SELECT
     * last_insert_rowid()} afresh after every insert, and the statement itself bypasses the
     * register's statement cache (issue 12: 0.7 s of the import's registering thread, 1,000 mails).
     */
    static long lastInsertId(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT last_insert_rowid()");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static int count(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Integer> counts = query(connection, sql, rows -> rows.getInt(1), parameters);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static void bind(PreparedStatement statement, @Nullable Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, value instanceof Instant instant ? instant.toString() : value);
        }
    }

    static CaseRecord caseOf(ResultSet rows) throws SQLException {
        return new CaseRecord(
                rows.getLong("id"),
                rows.getString("reference"),
                rows.getString("kind"),
                rows.getString("title"),
                rows.getString("applicant"),
                rows.getString("batch"),
                rows.getString("status"),
                rows.getInt("flagged") == 1,
                Instant.parse(rows.getString("created_at")),
                Instant.parse(rows.getString("updated_at")));
    }

    static CaseVersionRecord versionOf(ResultSet rows) throws SQLException {
        return new CaseVersionRecord(
                rows.getLong("case_ref"),
                rows.getInt("version"),
                rows.getLong("message_ref"),
                (Integer) rows.getObject("form_seq"),
                rows.getInt("error_count"),
                rows.getInt("warning_count"),
                Instant.parse(rows.getString("created_at")));
    }

    static CaseEventRecord eventOf(ResultSet rows) throws SQLException {
        Object message = rows.getObject("message_ref");
        return new CaseEventRecord(
                rows.getLong("case_ref"),
                message == null ? null : ((Number) message).longValue(),
                Instant.parse(rows.getString("at")),
                rows.getString("kind"),
                rows.getString("detail"));
    }

    static OutboxRecord outboxOf(ResultSet rows) throws SQLException {
        Object caseRef = rows.getObject("case_ref");
        Object messageRef = rows.getObject("message_ref");
        String references = rows.getString("references_ids");
        String sentAt = rows.getString("sent_at");
        return new OutboxRecord(
                rows.getLong("id"),
                caseRef == null ? null : ((Number) caseRef).longValue(),
                rows.getString("reference"),
                messageRef == null ? null : ((Number) messageRef).longValue(),
                rows.getString("kind"),
                rows.getString("to_address"),
                rows.getString("subject"),
                rows.getString("message_id"),
                rows.getString("in_reply_to"),
                references.isBlank() ? List.of() : Arrays.asList(references.trim().split(" ")),
                rows.getString("body_text"),
                rows.getString("body_html"),
                rows.getString("state"),
                rows.getInt("attempts"),
                Instant.parse(rows.getString("next_attempt_at")),
                rows.getString("claimed_by"),
                rows.getString("last_response"),
                Instant.parse(rows.getString("created_at")),
                sentAt == null ? null : Instant.parse(sentAt));
    }

    static void addCaseEvent(Connection connection, Instant at, long caseId, @Nullable Long messageId, String kind, String detail)
            throws SQLException {
        insert(connection, "INSERT INTO case_events (case_ref, message_ref, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                caseId, messageId, at, kind, detail);
    }

    static void flag(Connection connection, Instant at, long caseId) throws SQLException {
        update(connection, "UPDATE cases SET flagged = 1, updated_at = ? WHERE id = ?", at, caseId);
    }

    /**
     * A line of a case's audit trail ({@code case_audit}), also shown in the case's own trail
     * ({@code case_events}) when the reference names a filed case.
     */
    static void audit(Connection connection, Instant at, String reference, String actor, String kind, String detail)
            throws SQLException {
        insert(connection, "INSERT INTO case_audit (case_reference, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
                reference, at, actor, kind, detail);
        update(connection, "INSERT INTO case_events (case_ref, at, kind, detail) SELECT id, ?, ?, ? FROM cases WHERE reference = ?",
                at, kind, detail + "（" + actor + "）", reference);
    }

    /** An FTS5 string literal: the text matched as one phrase, whatever operators it holds. */
    static String ftsPhrase(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Placeholders for an IN list: {@code ?, ?, ?}. */
    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(Math.max(count, 1), "?"));
    }
}
