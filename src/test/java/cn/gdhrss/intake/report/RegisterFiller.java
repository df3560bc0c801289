package cn.gdhrss.intake.report;

import cn.gdhrss.intake.register.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts messages with one proposal each straight into a real register, the way the parse step
 * leaves them (status parsed, a document, the proposal's columns, its tasks), fast enough for
 * 100,000 proposals. Columns not given are blank.
 */
public final class RegisterFiller {

    /** One message with one proposal. */
    public record Submission(
            String from, Instant receivedAt, String category, String name, String alternativeNames, String definition,
            String industry, String applicant, String contactAddress, String contactPerson, String contactPhone, List<String> tasks) {}

    private final Database database;
    private long sequence;

    public RegisterFiller(Database database) {
        this.database = database;
    }

    /** Inserts the submissions in one transaction; returns the proposal ids in order. */
    public List<Long> add(List<Submission> submissions) {
        return database.inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement message = connection.prepareStatement(MESSAGE, Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement document = connection.prepareStatement(DOCUMENT, Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement proposal = connection.prepareStatement(proposalSql(connection), Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement task = connection.prepareStatement(TASK)) {
                for (Submission submission : submissions) {
                    ids.add(insert(message, document, proposal, task, submission));
                }
            }
            return ids;
        });
    }

    /** Adds a 汇总表 titled {@code city} to the message of {@code proposalId}, with one row for its name. */
    public void addSummaryTable(long proposalId, String city, boolean cityReviewed) {
        database.inTransaction(connection -> {
            long messageRef;
            String name;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT message_ref, occupation_name FROM proposals WHERE id = " + proposalId)) {
                rows.next();
                messageRef = rows.getLong(1);
                name = rows.getString(2);
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO documents (message_ref, attachment_seq, file_name, document_class, is_form) VALUES ("
                        + messageRef + ", 2, '汇总表.xlsx', 'summary_table', 1)");
                statement.executeUpdate("INSERT INTO summary_tables (document_ref, message_ref, city, preparer, filled_date_text) VALUES ("
                        + "last_insert_rowid(), " + messageRef + ", '" + city + "', '', '')");
                statement.executeUpdate("INSERT INTO summary_rows (summary_table_ref, position, no, name, alternative_names, definition, related, "
                        + "industry, applicant, contact, city_reviewed) VALUES (last_insert_rowid(), 0, '1', '" + name + "', '', '', '', '', '', '', "
                        + (cityReviewed ? 1 : 0) + ")");
            }
            return null;
        });
    }

    /**
     * Files the proposals as versions 1, 2... of one case {@code reference} (as issue 4's case filer
     * does: each version names its message and the proposal's attachment seq).
     */
    public void fileAsCase(String reference, List<Long> proposalIds) {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO cases (reference, year, seq, kind, status, created_at, updated_at) VALUES ('"
                        + reference + "', 2026, " + (++sequence) + ", 'proposal', 'received', '2026-08-01T00:00:00Z', '2026-08-01T00:00:00Z')");
                for (int version = 0; version < proposalIds.size(); version++) {
                    statement.executeUpdate("INSERT INTO case_versions (case_ref, version, message_ref, form_seq, created_at) "
                            + "SELECT c.id, " + (version + 1) + ", p.message_ref, d.attachment_seq, '2026-08-01T00:00:00Z' "
                            + "FROM cases c, proposals p JOIN documents d ON d.id = p.document_ref "
                            + "WHERE c.reference = '" + reference + "' AND p.id = " + proposalIds.get(version));
                }
            }
            return null;
        });
    }

    private static final String MESSAGE = """
            INSERT INTO messages (sha256, mailbox, uid, from_address, subject, size, received_at, registered_at, raw_path, status)
            VALUES (?, 'test', ?, ?, '新职业建议书', 1, ?, ?, 'raw/test.eml', 'parsed')""";
    private static final String DOCUMENT = """
            INSERT INTO documents (message_ref, attachment_seq, file_name, document_class, is_form) VALUES (?, 1, '建议书.docx', 'proposal', 1)""";
    private static final String INDEX_TASKS = """
            UPDATE proposal_search SET tasks = (SELECT coalesce(group_concat(content, '；'), '') FROM
                (SELECT content FROM proposal_tasks WHERE proposal_ref = ?1 AND content <> '' ORDER BY position))
            WHERE rowid = ?1""";
    private static final String TASK = "INSERT INTO proposal_tasks (proposal_ref, position, no, content, tools, techniques) VALUES (?, ?, ?, ?, '', '')";
    private static final List<String> GIVEN = List.of("document_ref", "message_ref", "category", "occupation_name",
            "occupation_alternative_names", "occupation_definition", "occupation_industry", "applicant", "contact_address",
            "contact_person", "contact_phone");

    /** Every NOT NULL text column not given gets ''; counts get 0. */
    private static String proposalSql(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>(GIVEN);
        List<String> values = new ArrayList<>(GIVEN.stream().map(column -> "?").toList());
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA table_info(proposals)")) {
            while (rows.next()) {
                String column = rows.getString("name");
                if (!GIVEN.contains(column) && !"id".equals(column) && rows.getInt("notnull") == 1) {
                    columns.add(column);
                    values.add("TEXT".equals(rows.getString("type").toUpperCase(Locale.ROOT)) ? "''" : "0");
                }
            }
        }
        return "INSERT INTO proposals (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values) + ")";
    }

    private long insert(PreparedStatement message, PreparedStatement document, PreparedStatement proposal, PreparedStatement task,
            Submission submission) throws SQLException {
        long number = ++sequence;
        message.setString(1, "sha-" + number + "-" + System.nanoTime());
        message.setString(2, Long.toString(number));
        message.setString(3, submission.from());
        message.setString(4, submission.receivedAt().toString());
        message.setString(5, submission.receivedAt().toString());
        long messageId = executeForKey(message);
        document.setLong(1, messageId);
        long documentId = executeForKey(document);
        Object[] values = {documentId, messageId, submission.category(), submission.name(), submission.alternativeNames(),
            submission.definition(), submission.industry(), submission.applicant(), submission.contactAddress(),
            submission.contactPerson(), submission.contactPhone()};
        for (int index = 0; index < values.length; index++) {
            proposal.setObject(index + 1, values[index]);
        }
        long proposalId = executeForKey(proposal);
        for (int position = 0; position < submission.tasks().size(); position++) {
            task.setLong(1, proposalId);
            task.setInt(2, position);
            task.setString(3, Integer.toString(position + 1));
            task.setString(4, submission.tasks().get(position));
            task.executeUpdate();
        }
        // As ProposalRows does since V14: the tasks enter the search index once, after the last.
        try (PreparedStatement index = proposal.getConnection().prepareStatement(INDEX_TASKS)) {
            index.setLong(1, proposalId);
            index.executeUpdate();
        }
        return proposalId;
    }

    private static long executeForKey(PreparedStatement statement) throws SQLException {
        statement.executeUpdate();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
