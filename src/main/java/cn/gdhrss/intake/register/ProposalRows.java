package cn.gdhrss.intake.register;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A proposal to and from its columns and child tables; column names follow proposal-fields.md. */
final class ProposalRows {
    private static final String[] COLUMNS = {
        "applicant", "filled_date", "filled_date_text", "category", "occupation_name", "occupation_alternative_names",
        "occupation_definition", "occupation_related", "occupation_related_codes", "occupation_industry",
        "requirements_ethics", "requirements_education", "requirements_special_abilities", "requirements_physical",
        "requirements_teamwork", "requirements_safety", "workforce_national_count", "workforce_national_count_value",
        "workforce_regional_distribution", "workforce_market", "workforce_pay", "workforce_data_sources",
        "analysis_background", "analysis_role", "analysis_technology", "analysis_prospects", "laws",
        "abroad_requirements", "abroad_standards", "abroad_training", "contact_address", "contact_person",
        "contact_phone", "contact_email", "other", "error_count", "warning_count"
    };

    /** The tasks of proposal ?1 into its search row, in their order (migration V14). */
    static final String INDEX_TASKS = """
            UPDATE proposal_search SET tasks = (SELECT coalesce(group_concat(content, '；'), '') FROM
                (SELECT content FROM proposal_tasks WHERE proposal_ref = ?1 AND content <> '' ORDER BY position))
            WHERE rowid = ?1""";

    private ProposalRows() {}

    static long insert(Connection connection, long messageRef, long documentId, Proposal proposal) throws SQLException {
        String sql = "INSERT INTO proposals (document_ref, message_ref, " + String.join(", ", COLUMNS) + ") VALUES (?, ?"
                + ", ?".repeat(COLUMNS.length) + ")";
        long id;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, documentId);
            statement.setLong(2, messageRef);
            Object[] values = values(proposal);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 3, Types.NULL);
                } else {
                    statement.setObject(i + 3, values[i]);
                }
            }
            statement.executeUpdate();
            id = CaseRows.lastInsertId(connection);
        }
        insertChildren(connection, id, proposal);
        if (!proposal.tasks().isEmpty()) {
            try (PreparedStatement index = connection.prepareStatement(INDEX_TASKS)) {
                index.setLong(1, id);
                index.executeUpdate();
            }
        }
        return id;
    }

    private static Object[] values(Proposal p) {
        Proposal.Occupation o = p.occupation();
        Proposal.Requirements r = p.requirements();
        Proposal.Workforce w = p.workforce();
        Proposal.Analysis a = p.analysis();
        Proposal.Abroad abroad = p.abroad();
        Proposal.Contact c = p.contact();
        long errors = p.findings().stream().filter(Finding::isError).count();
        return new Object[] {
            p.applicant(), p.filledDate() == null ? null : p.filledDate().toString(), p.filledDateText(),
            p.category() == null ? null : p.category().code(), o.name(), String.join("；", o.alternativeNames()),
            o.definition(), o.related(), String.join(" ", o.relatedCodes()), o.industry(),
            r.ethics(), r.education(), r.specialAbilities(), r.physical(), r.teamwork(), r.safety(),
            w.nationalCount(), w.nationalCountValue(), w.regionalDistribution(), w.market(), w.pay(), w.dataSources(),
            a.background(), a.role(), a.technology(), a.prospects(), p.laws(),
            abroad.requirements(), abroad.standards(), abroad.training(), c.address(), c.person(), c.phone(), c.email(),
            p.other(), errors, p.findings().size() - errors
        };
    }

    private static void insertChildren(Connection connection, long id, Proposal proposal) throws SQLException {
        int position = 0;
        for (Proposal.Task task : proposal.tasks()) {
            insertRow(connection, "INSERT INTO proposal_tasks VALUES (?, ?, ?, ?, ?, ?)", id, position++,
                    task.no(), task.content(), task.tools(), task.techniques());
        }
        position = 0;
        for (Proposal.Employer employer : proposal.workforce().employers()) {
            insertRow(connection, "INSERT INTO proposal_employers VALUES (?, ?, ?, ?, ?)", id, position++,
                    employer.name(), employer.address(), employer.phone());
        }
        position = 0;
        for (Proposal.School school : proposal.training().schools()) {
            insertRow(connection, "INSERT INTO proposal_schools VALUES (?, ?, ?, ?, ?)", id, position++,
                    school.institution(), school.major(), school.courses());
        }
        position = 0;
        for (Proposal.TrainingInstitution institution : proposal.training().institutions()) {
            insertRow(connection, "INSERT INTO proposal_training_institutions VALUES (?, ?, ?, ?, ?)", id, position++,
                    institution.name(), institution.address(), institution.phone());
        }
        insertItems(connection, id, "alternative_names", proposal.occupation().alternativeNames());
        insertItems(connection, id, "countries", proposal.abroad().countries());
        insertItems(connection, id, "similar_names", proposal.abroad().similarNames());
        insertItems(connection, id, "main_tasks", proposal.abroad().mainTasks());
    }

    private static void insertItems(Connection connection, long id, String list, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            insertRow(connection, "INSERT INTO proposal_items VALUES (?, ?, ?, ?)", id, list, i, values.get(i));
        }
    }

    private static void insertRow(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    static Proposal read(Connection connection, ResultSet row, List<Finding> findings) throws SQLException {
        long id = row.getLong("id");
        String filled = row.getString("filled_date");
        Object count = row.getObject("workforce_national_count_value");
        return new Proposal(
                row.getString("applicant"),
                filled == null ? null : LocalDate.parse(filled),
                row.getString("filled_date_text"),
                FormRepository.categoryOf(row.getString("category")),
                new Proposal.Occupation(row.getString("occupation_name"), items(connection, id, "alternative_names"),
                        row.getString("occupation_definition"), row.getString("occupation_related"),
                        splitCodes(row.getString("occupation_related_codes")), row.getString("occupation_industry")),
                tasks(connection, id),
                new Proposal.Requirements(row.getString("requirements_ethics"), row.getString("requirements_education"),
                        row.getString("requirements_special_abilities"), row.getString("requirements_physical"),
                        row.getString("requirements_teamwork"), row.getString("requirements_safety")),
                new Proposal.Workforce(row.getString("workforce_national_count"),
                        count == null ? null : ((Number) count).longValue(), row.getString("workforce_regional_distribution"),
                        row.getString("workforce_market"), row.getString("workforce_pay"), row.getString("workforce_data_sources"),
                        threeColumns(connection, "proposal_employers", id).stream()
                                .map(v -> new Proposal.Employer(v[0], v[1], v[2])).toList()),
                new Proposal.Analysis(row.getString("analysis_background"), row.getString("analysis_role"),
                        row.getString("analysis_technology"), row.getString("analysis_prospects")),
                new Proposal.Training(
                        threeColumns(connection, "proposal_schools", id).stream().map(v -> new Proposal.School(v[0], v[1], v[2])).toList(),
                        threeColumns(connection, "proposal_training_institutions", id).stream()
                                .map(v -> new Proposal.TrainingInstitution(v[0], v[1], v[2])).toList()),
                row.getString("laws"),
                new Proposal.Abroad(items(connection, id, "countries"), items(connection, id, "similar_names"),
                        items(connection, id, "main_tasks"), row.getString("abroad_requirements"),
                        row.getString("abroad_standards"), row.getString("abroad_training")),
                new Proposal.Contact(row.getString("contact_address"), row.getString("contact_person"),
                        row.getString("contact_phone"), row.getString("contact_email")),
                row.getString("other"),
                findings);
    }

    private static List<String> splitCodes(String joined) {
        return joined.isBlank() ? List.of() : List.of(joined.trim().split(" "));
    }

    private static List<Proposal.Task> tasks(Connection connection, long id) throws SQLException {
        List<Proposal.Task> tasks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT no, content, tools, techniques FROM proposal_tasks WHERE proposal_ref = ? ORDER BY position")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(new Proposal.Task(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return tasks;
    }

    /** Rows of a three-text-column child table (table name is one of ours, never input). */
    private static List<String[]> threeColumns(Connection connection, String table, long id) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM " + table + " WHERE proposal_ref = ? ORDER BY position")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new String[] {rows.getString(3), rows.getString(4), rows.getString(5)});
                }
            }
        }
        return found;
    }

    private static List<String> items(Connection connection, long id, String list) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT value FROM proposal_items WHERE proposal_ref = ? AND list = ? ORDER BY position")) {
            statement.setLong(1, id);
            statement.setString(2, list);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}
