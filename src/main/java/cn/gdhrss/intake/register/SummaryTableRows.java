package cn.gdhrss.intake.register;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.SummaryTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A summary table to and from {@code summary_tables} and {@code summary_rows}. */
final class SummaryTableRows {
    private SummaryTableRows() {}

    static void insert(Connection connection, long messageRef, long documentId, SummaryTable table) throws SQLException {
        long id;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO summary_tables (document_ref, message_ref, city, preparer, filled_date, filled_date_text) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, documentId);
            statement.setLong(2, messageRef);
            statement.setString(3, table.city());
            statement.setString(4, table.preparer());
            statement.setString(5, table.filledDate() == null ? null : table.filledDate().toString());
            statement.setString(6, table.filledDateText());
            statement.executeUpdate();
            id = CaseRows.lastInsertId(connection);
        }
        int position = 0;
        for (SummaryTable.Row row : table.rows()) {
            insertRow(connection, id, position++, row);
        }
    }

    private static void insertRow(Connection connection, long tableId, int position, SummaryTable.Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO summary_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, tableId);
            statement.setInt(2, position);
            statement.setString(3, row.no());
            statement.setString(4, row.category() == null ? null : row.category().code());
            statement.setString(5, row.name());
            statement.setString(6, row.alternativeNames());
            statement.setString(7, row.definition());
            statement.setString(8, row.related());
            statement.setString(9, row.industry());
            statement.setString(10, row.applicant());
            statement.setString(11, row.contact());
            if (row.cityReviewed() == null) {
                statement.setNull(12, Types.INTEGER);
            } else {
                statement.setInt(12, row.cityReviewed() ? 1 : 0);
            }
            statement.executeUpdate();
        }
    }

    static @Nullable SummaryTable find(Connection connection, long documentId, List<Finding> findings) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM summary_tables WHERE document_ref = ?")) {
            statement.setLong(1, documentId);
            try (ResultSet table = statement.executeQuery()) {
                if (!table.next()) {
                    return null;
                }
                String filled = table.getString("filled_date");
                return new SummaryTable(table.getString("city"), table.getString("preparer"),
                        filled == null ? null : LocalDate.parse(filled), table.getString("filled_date_text"),
                        rows(connection, table.getLong("id")), findings);
            }
        }
    }

    private static List<SummaryTable.Row> rows(Connection connection, long tableId) throws SQLException {
        List<SummaryTable.Row> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM summary_rows WHERE summary_table_ref = ? ORDER BY position")) {
            statement.setLong(1, tableId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object reviewed = rows.getObject("city_reviewed");
                    found.add(new SummaryTable.Row(rows.getString("no"), FormRepository.categoryOf(rows.getString("category")),
                            rows.getString("name"), rows.getString("alternative_names"), rows.getString("definition"),
                            rows.getString("related"), rows.getString("industry"), rows.getString("applicant"),
                            rows.getString("contact"), reviewed == null ? null : ((Number) reviewed).intValue() == 1));
                }
            }
        }
        return found;
    }
}
