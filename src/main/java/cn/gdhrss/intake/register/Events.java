package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/** The audit trail: every state change of a message leaves a timestamped event. */
final class Events {
    private Events() {}

    static void add(Connection connection, Clock clock, long messageRef, String kind, String detail) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO events (message_ref, at, kind, detail) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, messageRef);
            statement.setString(2, clock.instant().toString());
            statement.setString(3, kind);
            statement.setString(4, detail);
            statement.executeUpdate();
        }
    }
}
