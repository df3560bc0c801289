package cn.gdhrss.intake.register;

import cn.gdhrss.intake.form.Category;
import cn.gdhrss.intake.form.DocumentClass;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.form.ReadResult;
import cn.gdhrss.intake.form.Severity;
import cn.gdhrss.intake.form.SummaryTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The forms read from each message: documents, proposals with their repeated parts, summary tables
 * and findings, in columns. A message's forms are replaced whole, with its status, in one
 * transaction, so re-parsing after a crash or a reprocess leaves no trace of the earlier run.
 */
public final class FormRepository {
    private final Database database;
    private final Clock clock;

    public FormRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One attachment's reading. */
    public record ParsedDocument(int attachmentSeq, String fileName, ReadResult result) {}

    /** Stores the readings of a message and moves it from {@code from} to {@code to}; false if it had moved. */
    public boolean saveParsed(long messageRef, List<ParsedDocument> documents, List<Finding> messageFindings,
            String from, String to, String detail) {
        return saveParsed(messageRef, documents, messageFindings, from, to, detail, Map.of());
    }

    /** A registered proposal that one of this message's proposals names the same or a similar occupation as. */
    public record ProposalLink(long otherProposalId, double similarity, boolean sameName) {}

    /**
     * As {@link #saveParsed(long, List, List, String, String, String)}, and in the same transaction links
     * each new proposal (keyed by its attachment number) to the registered proposals it resembles.
     */
    public boolean saveParsed(long messageRef, List<ParsedDocument> documents, List<Finding> messageFindings,
            String from, String to, String detail, Map<Integer, List<ProposalLink>> links) {
        return database.inTransaction(connection -> {
            execute(connection, "DELETE FROM findings WHERE message_ref = ?", messageRef);
            execute(connection, "DELETE FROM documents WHERE message_ref = ?", messageRef);
            for (ParsedDocument document : documents) {
                Long proposalId = insertDocument(connection, messageRef, document);
                if (proposalId != null) {
                    for (ProposalLink link : links.getOrDefault(document.attachmentSeq(), List.of())) {
                        insertLink(connection, proposalId, link.otherProposalId(), link.similarity(), link.sameName());
                    }
                }
            }
            for (Finding finding : messageFindings) {
                insertFinding(connection, messageRef, null, "message", finding);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE messages SET status = ?, status_reason = '' WHERE id = ? AND status = ?")) {
                statement.setString(1, to);
                statement.setLong(2, messageRef);
                statement.setString(3, from);
                if (statement.executeUpdate() != 1) {
                    connection.rollback();
                    return false;
                }
            }
            Events.add(connection, clock, messageRef, "parsed", detail);
            return true;
        });
    }

    /** The documents of a message in attachment order, forms rebuilt from their columns. */
    public List<StoredDocument> listDocuments(long messageRef) {
        return database.inTransaction(connection -> {
            List<StoredDocument> documents = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM documents WHERE message_ref = ? ORDER BY attachment_seq")) {
                statement.setLong(1, messageRef);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        documents.add(documentOf(connection, rows));
                    }
                }
            }
            return documents;
        });
    }

    /** Findings about the message as a whole (e.g. no Word form at all). */
    public List<Finding> listMessageFindings(long messageRef) {
        return database.inTransaction(connection -> findings(connection,
                "SELECT * FROM findings WHERE message_ref = ? AND document_ref IS NULL ORDER BY id", messageRef));
    }

    public Optional<Proposal> findProposal(long proposalId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM proposals WHERE id = ?")) {
                statement.setLong(1, proposalId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(ProposalRows.read(connection, rows, formFindings(connection, rows.getLong("document_ref")))) : Optional.empty();
                }
            }
        });
    }

    /** Records that two proposals name the same or a very similar occupation (both directions). */
    private static void insertLink(Connection connection, long proposalId, long otherId, double similarity, boolean sameName)
            throws SQLException {
        for (long[] pair : new long[][] {{proposalId, otherId}, {otherId, proposalId}}) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT OR REPLACE INTO proposal_links (proposal_ref, other_ref, similarity, same_name) VALUES (?, ?, ?, ?)")) {
                statement.setLong(1, pair[0]);
                statement.setLong(2, pair[1]);
                statement.setDouble(3, similarity);
                statement.setInt(4, sameName ? 1 : 0);
                statement.executeUpdate();
            }
        }
    }

    /** Id, name and alternative names of every proposal except those of {@code messageRef}. */
    public List<ProposalName> listProposalNames(long exceptMessageRef) {
        return database.inTransaction(connection -> {
            List<ProposalName> names = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, message_ref, occupation_name, occupation_alternative_names, applicant FROM proposals WHERE message_ref <> ?"
                            + " ORDER BY id")) {
                statement.setLong(1, exceptMessageRef);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.add(new ProposalName(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                    }
                }
            }
            return names;
        });
    }

    /**
     * {@link #listProposalNames} cut to the proposals whose name is similar to one of
     * {@code names} ({@link cn.gdhrss.intake.form.DuplicateMatcher#isSimilar}), in the same order,
     * found through the bigram index rather than by reading the register (issue 12).
     */
    public List<ProposalName> listProposalNamesNear(Collection<String> names, long exceptMessageRef) {
        @Nullable List<ProposalName> near = database.inTransaction(connection -> {
            ProposalNameIndex.catchUp(connection, database.namePostings());
            Set<Long> candidates = ProposalNameIndex.similar(connection, database.namePostings(), names);
            if (candidates == null) {
                return null;
            }
            List<ProposalName> found = new ArrayList<>();
            List<Long> ids = new ArrayList<>(candidates);
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, message_ref, occupation_name, occupation_alternative_names, applicant FROM proposals"
                                + " WHERE message_ref <> ? AND id IN (" + CaseRows.placeholders(chunk.size()) + ") ORDER BY id")) {
                    statement.setLong(1, exceptMessageRef);
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setLong(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(new ProposalName(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                        }
                    }
                }
            }
            return found;
        });
        return near != null ? near : listProposalNames(exceptMessageRef);
    }

    public record ProposalName(long proposalId, long messageRef, String name, String alternativeNames, String applicant) {}

    /** Returns the id of the proposal the document holds, if any. */
    private @Nullable Long insertDocument(Connection connection, long messageRef, ParsedDocument document) throws SQLException {
        ReadResult result = document.result();
        long documentId;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO documents (message_ref, attachment_seq, file_name, document_class, is_form, text) VALUES (?, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            statement.setLong(1, messageRef);
            statement.setInt(2, document.attachmentSeq());
            statement.setString(3, document.fileName());
            statement.setString(4, result.documentClass().code());
            statement.setInt(5, result.isForm() ? 1 : 0);
            statement.setString(6, result.text());
            statement.executeUpdate();
            documentId = generatedKey(statement);
        }
        for (Finding finding : result.findings()) {
            insertFinding(connection, messageRef, documentId, "file", finding);
        }
        List<Finding> formFindings = result.proposal() != null ? result.proposal().findings()
                : result.summaryTable() != null ? result.summaryTable().findings() : List.of();
        for (Finding finding : formFindings) {
            insertFinding(connection, messageRef, documentId, "form", finding);
        }
        Long proposalId = null;
        if (result.proposal() != null) {
            proposalId = ProposalRows.insert(connection, messageRef, documentId, result.proposal());
        }
        if (result.summaryTable() != null) {
            SummaryTableRows.insert(connection, messageRef, documentId, result.summaryTable());
        }
        return proposalId;
    }

    private StoredDocument documentOf(Connection connection, ResultSet rows) throws SQLException {
        long documentId = rows.getLong("id");
        List<Finding> fileLevel = findings(connection,
                "SELECT * FROM findings WHERE document_ref = ? AND scope = 'file' ORDER BY id", documentId);
        Proposal proposal = null;
        Long proposalId = null;
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM proposals WHERE document_ref = ?")) {
            statement.setLong(1, documentId);
            try (ResultSet proposalRow = statement.executeQuery()) {
                if (proposalRow.next()) {
                    proposalId = proposalRow.getLong("id");
                    proposal = ProposalRows.read(connection, proposalRow, formFindings(connection, documentId));
                }
            }
        }
        SummaryTable table = SummaryTableRows.find(connection, documentId, formFindings(connection, documentId));
        return new StoredDocument(documentId, rows.getLong("message_ref"), rows.getInt("attachment_seq"), rows.getString("file_name"),
                documentClassOf(rows.getString("document_class")), proposal, proposalId, table, fileLevel);
    }

    private static List<Finding> formFindings(Connection connection, long documentId) throws SQLException {
        return findings(connection, "SELECT * FROM findings WHERE document_ref = ? AND scope = 'form' ORDER BY id", documentId);
    }

    private static DocumentClass documentClassOf(String code) {
        for (DocumentClass documentClass : DocumentClass.values()) {
            if (documentClass.code().equals(code)) {
                return documentClass;
            }
        }
        return DocumentClass.OTHER;
    }

    private static List<Finding> findings(Connection connection, String sql, long id) throws SQLException {
        List<Finding> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Finding(rows.getString("code"),
                            Severity.valueOf(rows.getString("severity").toUpperCase(Locale.ROOT)),
                            rows.getString("field"), rows.getString("message")));
                }
            }
        }
        return found;
    }

    private static void insertFinding(Connection connection, long messageRef, @Nullable Long documentId, String scope,
            Finding finding) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO findings (message_ref, document_ref, code, severity, field, message, scope) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, messageRef);
            if (documentId == null) {
                statement.setNull(2, Types.INTEGER);
            } else {
                statement.setLong(2, documentId);
            }
            statement.setString(3, finding.code());
            statement.setString(4, finding.severity().code());
            statement.setString(5, finding.field());
            statement.setString(6, finding.message());
            statement.setString(7, scope);
            statement.executeUpdate();
        }
    }

    static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    static @Nullable Category categoryOf(@Nullable String code) {
        return code == null ? null : Category.fromCode(code).orElse(null);
    }
}
