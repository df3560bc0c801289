package cn.gdhrss.intake.register;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register's connection with its prepared statements kept for reuse: SQLite compiles a
 * statement (and every trigger it fires) each time it is prepared, and an import prepared the same
 * few dozen statements for every message, a tenth of the register's time (issue 12, JFR).
 *
 * <p>{@code prepareStatement(sql)} hands out the kept statement for {@code sql} when it is free;
 * its {@code close()} closes what it returned and clears its parameters instead of finalizing it.
 * A statement asked for while its twin is still open is prepared afresh and really closed. At most
 * {@link #MAX_KEPT} statements are kept, the least recently used closed beyond. The register's lock
 * already confines the connection to one thread at a time.
 *
 * <p>Every rollback, the register's own and a repository's, also runs {@code afterRollback}: what a
 * process keeps in memory of the register must not outlive the rows it was read from.
 */
final class StatementCache implements InvocationHandler {
    static final int MAX_KEPT = 128;
    private static final Method PREPARE = method(Connection.class, "prepareStatement", String.class);
    private static final Method CLOSE = method(PreparedStatement.class, "close");
    private static final Method IS_CLOSED = method(PreparedStatement.class, "isClosed");

    private final Connection connection;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final Runnable afterRollback;

    private StatementCache(Connection connection, Runnable afterRollback) {
        this.connection = connection;
        this.afterRollback = afterRollback;
    }

    static Connection around(Connection connection, Runnable afterRollback) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new StatementCache(connection, afterRollback));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.equals(PREPARE)) {
            return prepare((String) arguments[0]);
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            closeKept();
        }
        if (method.getName().equals("rollback")) {
            afterRollback.run();
        }
        return forward(connection, method, arguments);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Kept statement = kept.get(sql);
        if (statement == null) {
            statement = new Kept(connection.prepareStatement(sql));
            kept.put(sql, statement);
            evictBeyondLimit();
        }
        if (statement.inUse) {
            return connection.prepareStatement(sql);
        }
        statement.inUse = true;
        return statement.handOut();
    }

    private void evictBeyondLimit() throws SQLException {
        var eldest = kept.entrySet().iterator();
        while (kept.size() > MAX_KEPT && eldest.hasNext()) {
            Kept statement = eldest.next().getValue();
            if (!statement.inUse) {
                eldest.remove();
                statement.delegate.close();
            }
        }
    }

    private void closeKept() {
        List<Kept> all = new ArrayList<>(kept.values());
        kept.clear();
        for (Kept statement : all) {
            try {
                statement.delegate.close();
            } catch (SQLException e) {
                // The connection is closing and finalizes what is left itself.
            }
        }
    }

    /** One kept statement; the proxy handed out stands for it until closed. */
    private static final class Kept {
        final PreparedStatement delegate;
        final List<ResultSet> results = new ArrayList<>();
        boolean inUse;

        Kept(PreparedStatement delegate) {
            this.delegate = delegate;
        }

        PreparedStatement handOut() {
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, arguments) -> {
                        if (method.equals(CLOSE)) {
                            giveBack();
                            return null;
                        }
                        if (method.equals(IS_CLOSED)) {
                            return !inUse || delegate.isClosed();
                        }
                        if (!inUse) {
                            throw new SQLException("statement is closed");
                        }
                        Object result = forward(delegate, method, arguments);
                        if (result instanceof ResultSet rows) {
                            results.add(rows);
                        }
                        return result;
                    });
        }

        private void giveBack() throws SQLException {
            if (!inUse) {
                return;
            }
            inUse = false;
            for (ResultSet rows : results) {
                rows.close();
            }
            results.clear();
            if (!delegate.isClosed()) {
                delegate.clearParameters();
            }
        }
    }

    private static Object forward(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
