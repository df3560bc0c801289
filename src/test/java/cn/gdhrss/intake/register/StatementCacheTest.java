package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept statements behave as freshly prepared ones: nested use, unclosed results, many statements, errors. */
class StatementCacheTest {
    @TempDir
    Path dir;

    @Test
    void theSameStatementNestedInItsOwnResultsReadsBothAndKeepsNoResultsOpen() throws SQLException {
        try (Connection connection = StatementCache.around(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db")), () -> {})) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
                statement.execute("INSERT INTO t (name) VALUES ('甲'), ('乙'), ('丙')");
            }
            String sql = "SELECT name FROM t WHERE id >= ? ORDER BY id";
            List<String> pairs = new ArrayList<>();
            try (PreparedStatement outer = connection.prepareStatement(sql)) {
                outer.setInt(1, 2);
                try (ResultSet rows = outer.executeQuery()) {
                    while (rows.next()) {
                        try (PreparedStatement inner = connection.prepareStatement(sql)) {
                            inner.setInt(1, 3);
                            ResultSet left = inner.executeQuery();
                            left.next();
                            pairs.add(rows.getString(1) + left.getString(1));
                        }
                    }
                }
            }
            PreparedStatement again = connection.prepareStatement(sql);
            again.setInt(1, 1);
            ResultSet all = again.executeQuery();
            int count = 0;
            while (all.next()) {
                count++;
            }
            again.close();

            assertThat(pairs).containsExactly("乙丙", "丙丙");
            assertThat(count).isEqualTo(3);
            assertThat(all.isClosed()).isTrue();
            assertThat(again.isClosed()).isTrue();
            assertThatThrownBy(again::executeQuery).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void moreStatementsThanKeptAndAFailedInsertLeaveEveryStatementUsable() throws SQLException {
        try (Connection connection = StatementCache.around(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("u.db")), () -> {})) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < StatementCache.MAX_KEPT + 20; i++) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO u (v) VALUES (? || '" + i + "')")) {
                        insert.setString(1, "v");
                        insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement duplicate = connection.prepareStatement("INSERT INTO u (v) VALUES (?)")) {
                duplicate.setString(1, "v1");
                assertThatThrownBy(duplicate::executeUpdate).isInstanceOf(SQLException.class);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO u (v) VALUES (?)")) {
                insert.setString(1, "new");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM u"); ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(StatementCache.MAX_KEPT + 20 + 1);
            }
        }
    }
}
