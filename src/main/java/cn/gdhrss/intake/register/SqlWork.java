package cn.gdhrss.intake.register;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the register's connection, inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
