package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code listed} view of a case that staff work reads, shared by listing, search and
 * {@code todo}, and its mapping to {@link CaseListing} with the case's reviews.
 */
final class ListedCases {
    private ListedCases() {}

    /**
     * The open errors of a case {@code c} whose current proposal's version is {@code cf}: those of
     * its latest version, looked up only when that is not {@code cf}, which it usually is (issue 12).
     */
    static final String OPEN_ERRORS = """
            coalesce(CASE WHEN c.latest_version = c.form_version THEN cf.error_count
                          ELSE (SELECT lv.error_count FROM case_versions lv
                                WHERE lv.case_ref = c.id AND lv.version = c.latest_version) END, 0)""";

    /**
     * What a line of a case shows and what {@code list --cases} filters on; the names are those of
     * {@link #CASES}. The current proposal is that of the latest version that carried one; the
     * latest version's error count is what remains open.
     */
    private static final String LINE_COLUMNS = """
                SELECT c.reference, c.status, c.flagged, c.received_at AS received_at,
            """ + OPEN_ERRORS + " AS open_errors," + """
                       coalesce(p.category, '') AS category, coalesce(p.occupation_name, c.title) AS name,
                       coalesce(p.applicant, c.applicant) AS applicant, coalesce(p.occupation_industry, '') AS industry,
                       coalesce(p.occupation_alternative_names, '') AS alternative_names,
                       coalesce(p.occupation_definition, '') AS definition,
                       coalesce(pl.city, '') AS city, pl.period AS period""";

    /**
     * The current proposal and place of a case {@code c}. Both version numbers and the time of
     * receipt are kept on the case row (migration V12), so each case costs a few key lookups and the
     * newest cases come from the index {@code cases_received} (issue 12); the latest version is
     * looked up only when it is not the one that carried the proposal, which it usually is.
     */
    private static final String CURRENT_JOINS = """
                LEFT JOIN case_versions cf ON cf.case_ref = c.id AND cf.version = c.form_version
                LEFT JOIN documents d ON d.message_ref = cf.message_ref AND d.attachment_seq = cf.form_seq
                LEFT JOIN proposals p ON p.document_ref = d.id
                LEFT JOIN case_places pl ON pl.case_reference = c.reference)
            """;

    /** One row per case, with every column staff work reads. */
    static final String CASES = "WITH listed AS (\n" + LINE_COLUMNS + """
            ,
                       c.id, c.kind, c.title, c.applicant AS case_applicant, c.merged_into, c.paper_received,
                       coalesce(m.from_address, '') AS sender,
                       coalesce(lt.message_ref, 0) AS latest_message, coalesce(lt.warning_count, 0) AS open_warnings,
                       p.id AS proposal_id, cf.message_ref AS proposal_message,
                       coalesce(p.contact_person, '') AS contact_person, coalesce(p.contact_phone, '') AS contact_phone,
                       coalesce(p.contact_email, '') AS contact_email,
                       coalesce(pl.city_source, '') AS city_source, coalesce(pl.period_source, '') AS period_source
                FROM cases c
                LEFT JOIN case_versions f ON f.case_ref = c.id AND f.version = 1
                LEFT JOIN messages m ON m.id = f.message_ref
                LEFT JOIN case_versions lt ON lt.case_ref = c.id AND lt.version = c.latest_version
            """ + CURRENT_JOINS;

    /**
     * {@link #CASES} with only {@link #LINE_COLUMNS}: no first version and sender to look up for
     * each of 100,000 lines (issue 12).
     */
    static final String CASE_LINES = "WITH listed AS (\n" + LINE_COLUMNS + "\n            FROM cases c\n" + CURRENT_JOINS;

    /** The cases {@code sql} selects from {@code listed}, each with its reviews. */
    static List<CaseListing> listings(Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
        return withReviews(connection, query(connection, sql, ListedCases::listingOf, parameters));
    }

    static List<CaseListing> withReviews(Connection connection, List<CaseListing> found) throws SQLException {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReviewRecord>> reviews = Reviews.ofReferences(connection, found.stream().map(CaseListing::reference).toList());
        return found.stream().map(one -> withReviews(one, reviews.getOrDefault(one.reference(), List.of()))).toList();
    }

    private static CaseListing withReviews(CaseListing one, List<ReviewRecord> reviews) {
        return new CaseListing(one.id(), one.reference(), one.kind(), one.status(), one.flagged(), one.receivedAt(), one.sender(),
                one.latestMessage(), one.proposalId(), one.proposalMessage(), one.openErrors(), one.openWarnings(), one.category(),
                one.name(), one.applicant(), one.industry(), one.contactPerson(), one.contactPhone(), one.contactEmail(), one.city(),
                one.citySource(), one.period(), one.periodSource(), one.mergedInto(), one.paperReceived(), reviews);
    }

    static CaseListing listingOf(ResultSet rows) throws SQLException {
        String period = rows.getString("period");
        String paper = rows.getString("paper_received");
        return new CaseListing(rows.getLong("id"), rows.getString("reference"), rows.getString("kind"), rows.getString("status"),
                rows.getInt("flagged") == 1, Instant.parse(rows.getString("received_at")), rows.getString("sender"),
                rows.getLong("latest_message"), nullableLong(rows, "proposal_id"), nullableLong(rows, "proposal_message"),
                rows.getInt("open_errors"), rows.getInt("open_warnings"), rows.getString("category"), rows.getString("name"),
                rows.getString("applicant"), rows.getString("industry"), rows.getString("contact_person"),
                rows.getString("contact_phone"), rows.getString("contact_email"), rows.getString("city"),
                rows.getString("city_source"), period == null ? null : LocalDate.parse(period), rows.getString("period_source"),
                rows.getString("merged_into"), paper == null ? null : LocalDate.parse(paper), List.of());
    }

    private static @Nullable Long nullableLong(ResultSet rows, String column) throws SQLException {
        Object value = rows.getObject(column);
        return value == null ? null : ((Number) value).longValue();
    }
}
