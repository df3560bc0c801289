package cn.gdhrss.intake.register;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite register file: WAL, foreign keys on, one writer. Schema changes are the scripts
 * {@code db/migration/V<n>__<name>.sql} on the class path, applied in order and counted in
 * {@code PRAGMA user_version}, each in its own transaction.
 *
 * <p>One connection serves the whole process; {@link #inTransaction} serialises work on it, which
 * is what SQLite does with writers anyway and keeps every read consistent with the last commit.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[\\w-]+\\.sql");
    private static final String MIGRATION_DIR = "db/migration";
    /**
     * The number of the newest script under {@link #MIGRATION_DIR}: a register already at it is
     * opened without listing the scripts, which meant reading the whole 36,000-entry jar's
     * directory into a zip file system on every command (issue 12). DatabaseTest keeps it true.
     */
    static final int SCHEMA_VERSION = 19;

    private final Path file;
    private final Connection connection;
    private final NamePostings namePostings;
    private final ReentrantLock lock = new ReentrantLock();
    /** How many transactions and savepoints the thread holding {@link #lock} has open. */
    private int depth;

    private Database(Path file, Connection connection, NamePostings namePostings) {
        this.file = file;
        this.connection = connection;
        this.namePostings = namePostings;
    }

    /** Opens (creating if needed) the register at {@code file} and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=10000");
                statement.execute("PRAGMA synchronous=NORMAL");
            }
            NamePostings namePostings = new NamePostings();
            Database database = new Database(file, StatementCache.around(connection, namePostings::forget), namePostings);
            database.migrate();
            return database;
        } catch (SQLException | IOException e) {
            throw new RegisterException("登记库 " + file + " 无法打开（" + RegisterException.reason(e)
                    + "），请检查该路径，或用 --data 指定正确的数据目录。", e);
        }
    }

    /** The occupation names' bigram postings of this connection (issue 12), for {@link FormRepository}. */
    NamePostings namePostings() {
        return namePostings;
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * Called inside another transaction of the same thread, it is a savepoint of that one: undone
     * alone when it throws, committed with the enclosing transaction (a pass writes the outcomes of
     * several messages in one commit, each still all or nothing).
     */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            return depth > 0 ? inSavepoint(work) : inOwnTransaction(work);
        } catch (SQLException e) {
            throw RegisterException.failed("登记库 " + file + " ", e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is inside {@link #inTransaction}: another thread's work would wait for it to end. */
    boolean isInTransaction() {
        return lock.isHeldByCurrentThread();
    }

    private <T> T inOwnTransaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        depth++;
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            depth--;
            connection.setAutoCommit(true);
        }
    }

    private <T> T inSavepoint(SqlWork<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        depth++;
        try {
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException undone) {
                // SQLite rolls a whole transaction back by itself on some errors (disk full): the
                // savepoint is gone with it, and the error that did it is the one to report.
                e.addSuppressed(undone);
            }
            throw e;
        } finally {
            depth--;
        }
    }

    public int schemaVersion() {
        return inTransaction(Database::userVersion);
    }

    private void migrate() throws SQLException, IOException {
        int current = userVersion(connection);
        if (current >= SCHEMA_VERSION) {
            return;
        }
        Map<Integer, String> scripts = migrationScripts();
        for (Map.Entry<Integer, String> script : scripts.entrySet()) {
            if (script.getKey() > current) {
                apply(script.getKey(), script.getValue());
            }
        }
    }

    private void apply(int version, String sql) {
        inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String part : splitStatements(sql)) {
                    statement.execute(part);
                }
                statement.execute("PRAGMA user_version = " + version);
            }
            return null;
        });
        LOG.info("Register {} migrated to schema version {}", file, version);
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** Splits on semicolons that end a line; comments are dropped first. Triggers use {@code END;}. */
    static List<String> splitStatements(String sql) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            int comment = line.indexOf("--");
            withoutComments.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (String line : withoutComments.toString().split("\n", -1)) {
            String trimmed = line.trim();
            current.append(line).append('\n');
            if (trimmed.toUpperCase(java.util.Locale.ROOT).matches(".*\\bBEGIN$")) {
                depth++;
            }
            if (trimmed.endsWith(";") && (depth == 0 || trimmed.equalsIgnoreCase("END;"))) {
                if (trimmed.equalsIgnoreCase("END;")) {
                    depth--;
                }
                if (depth == 0) {
                    String statement = current.toString().trim();
                    statements.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }

    static Map<Integer, String> migrationScripts() throws IOException {
        URL dir = Database.class.getClassLoader().getResource(MIGRATION_DIR);
        if (dir == null) {
            throw new RegisterException("程序包不完整，缺少登记库的结构脚本 " + MIGRATION_DIR + "，请重新安装本程序。");
        }
        try {
            if ("jar".equals(dir.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(dir.toURI(), Collections.emptyMap())) {
                    return readScripts(jar.getPath(MIGRATION_DIR));
                }
            }
            return readScripts(Path.of(dir.toURI()));
        } catch (URISyntaxException e) {
            throw new IOException("Bad migration location " + dir, e);
        }
    }

    private static Map<Integer, String> readScripts(Path dir) throws IOException {
        Map<Integer, String> scripts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Matcher name = MIGRATION.matcher(path.getFileName().toString());
                if (name.matches()) {
                    try (InputStream in = Files.newInputStream(path)) {
                        scripts.put(Integer.parseInt(name.group(1)), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return scripts;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing register {} failed", file, e);
        }
    }
}
