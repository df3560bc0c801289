package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes {@link StoredHeaders} (V13): header rows plus the address lists on the message. */
final class HeaderRows {
    private HeaderRows() {}

    static void store(Connection connection, long messageId, StoredHeaders stored) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("DELETE FROM message_headers WHERE message_ref = ?")) {
            clear.setLong(1, messageId);
            clear.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO message_headers (message_ref, position, name, value) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (Map.Entry<String, List<String>> header : stored.headers().entrySet()) {
                for (String value : header.getValue()) {
                    insert.setLong(1, messageId);
                    insert.setInt(2, position++);
                    insert.setString(3, header.getKey());
                    insert.setString(4, value);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messages SET from_addresses = ?, reply_to_addresses = ?, return_path_addresses = ? WHERE id = ?")) {
            update.setString(1, String.join("\n", stored.from()));
            update.setString(2, String.join("\n", stored.replyTo()));
            update.setString(3, String.join("\n", stored.returnPath()));
            update.setLong(4, messageId);
            update.executeUpdate();
        }
    }

    /** Empty for a message registered before V13 (its address lists are NULL). */
    static Optional<StoredHeaders> find(Connection connection, long messageId) throws SQLException {
        List<List<String>> addresses = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT from_addresses, reply_to_addresses, return_path_addresses FROM messages WHERE id = ?")) {
            select.setLong(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || rows.getString(1) == null) {
                    return Optional.empty();
                }
                for (int column = 1; column <= 3; column++) {
                    addresses.add(lines(rows.getString(column)));
                }
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, value FROM message_headers WHERE message_ref = ? ORDER BY position")) {
            select.setLong(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    headers.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return Optional.of(new StoredHeaders(headers, addresses.get(0), addresses.get(1), addresses.get(2)));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
