package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void migratesNewRegisterToLatestSchemaAndReopensWithoutReapplying(@TempDir Path dir) {
        int version;
        try (Database database = Database.open(dir.resolve("register.db"))) {
            version = database.schemaVersion();
            assertThat(version).isGreaterThanOrEqualTo(1);
        }
        try (Database database = Database.open(dir.resolve("register.db"))) {
            assertThat(database.schemaVersion()).isEqualTo(version);
        }
    }

    @Test
    void newestMigrationScriptIsTheSchemaVersionOpenChecksAgainst(@TempDir Path dir) throws java.io.IOException {
        int newest = java.util.Collections.max(Database.migrationScripts().keySet());
        assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
        try (Database database = Database.open(dir.resolve("register.db"))) {
            assertThat(database.schemaVersion()).isEqualTo(newest);
        }
    }

    @Test
    void splitsScriptOnStatementEndsKeepingTriggerBodiesWhole() {
        String sql = """
                -- a comment; with a semicolon
                CREATE TABLE a (x TEXT); -- trailing
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                    INSERT INTO a VALUES ('y');
                END;
                """;
        assertThat(Database.splitStatements(sql)).hasSize(2)
                .last().asString().contains("INSERT INTO a VALUES").endsWith("END");
    }

    @Test
    void rollsBackWhenWorkThrows(@TempDir Path dir) {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            try {
                database.inTransaction(connection -> {
                    connection.createStatement().execute("INSERT INTO passes (mailbox, started_at) VALUES ('m', 'now')");
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the insert must be gone
            }
            int rows = database.inTransaction(connection -> {
                try (var result = connection.createStatement().executeQuery("SELECT count(*) FROM passes")) {
                    return result.next() ? result.getInt(1) : -1;
                }
            });
            assertThat(rows).isZero();
        }
    }

    @Test
    void aRegisterThatCannotBeOpenedIsOneChineseSentenceWithTheDriversWordsInTheCause(@TempDir Path dir) throws java.io.IOException {
        Path text = java.nio.file.Files.writeString(dir.resolve("register.db"), "not a database ".repeat(100));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(text)).isInstanceOf(RegisterException.class)
                .hasMessage("登记库 " + text + " 无法打开（这不是登记库文件），请检查该路径，或用 --data 指定正确的数据目录。")
                .hasCauseInstanceOf(java.sql.SQLException.class);
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("sub").resolve("register.db"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(folder)).isInstanceOf(RegisterException.class)
                .hasMessageStartingWith("登记库 " + folder + " 无法打开（").hasMessageNotContaining("SQL");
    }
}
