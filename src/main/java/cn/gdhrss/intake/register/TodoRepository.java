package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code todo} reads of the register: flagged cases, corrections not answered, linked names
 * and the cases that may await a review. Most of it only by the columns {@code todo} weighs, since
 * a large register has tens of thousands of open cases (issue 12).
 */
public final class TodoRepository {

    /**
     * A case with its place and its current proposal; the open errors are {@link ListedCases#OPEN_ERRORS}, the
     * latest version looked up only when it is not the proposal's.
     */
    private static final String JOINS = """
            FROM cases c
            LEFT JOIN case_places pl ON pl.case_reference = c.reference
            LEFT JOIN case_versions cf ON cf.case_ref = c.id AND cf.version = c.form_version
            LEFT JOIN documents d ON d.message_ref = cf.message_ref AND d.attachment_seq = cf.form_seq
            LEFT JOIN proposals p ON p.document_ref = d.id
            """;

    /**
     * What {@code todo} weighs of a case: only the joins these columns need and no reviews, so
     * 50,000 cases are read in a fraction of the full listing's time (issue 12).
     */
    private static final String BRIEF = """
            SELECT c.reference, coalesce(p.occupation_name, c.title, '') AS name, c.status,
                   coalesce(pl.city, '') AS city, pl.period, p.id IS NOT NULL AS has_proposal,
                   CAST(strftime('%s', c.received_at) AS INTEGER) AS received_second
            """ + JOINS;

    private final Database database;

    public TodoRepository(Database database) {
        this.database = database;
    }

    /** The flagged cases, newest receipt first, at most {@code limit}: few, so listed in full. */
    public List<CaseListing> listFlagged(int limit) {
        return database.inTransaction(connection -> ListedCases.listings(connection, ListedCases.CASES + """
                SELECT * FROM listed WHERE flagged = 1
                ORDER BY received_at DESC, reference DESC
                LIMIT ?1
                """, limit));
    }

    /**
     * The cases of {@code states} that may await a review: without open errors, in a period ending
     * on or after {@code today}, by reference.
     */
    public List<CaseBrief> listReviewCandidates(LocalDate today, ReviewStates states) {
        return database.inTransaction(connection -> briefs(connection, BRIEF + candidatesWhere(states) + "ORDER BY c.reference\n",
                candidateArguments(today, states).toArray()));
    }

    /**
     * The states of cases that may await a review: those of {@code provincialOnly} (a subset of
     * {@code states}) only when the case's city is {@code provincialCity}. SQLite leaves the others
     * out before looking up their versions and proposals (issue 12: a quarter of the cases {@code
     * todo} read on a large register were corrections awaited, which no one reviews).
     */
    public record ReviewStates(List<String> states, List<String> provincialOnly, String provincialCity) {
        public ReviewStates {
            states = List.copyOf(states);
            provincialOnly = List.copyOf(provincialOnly);
        }
    }

    /**
     * The cases of {@link #listReviewCandidates} counted by state, city, period and whether they
     * have a proposal, each group with the references of its first {@code shown} cases: the plain
     * {@code todo} prints tens of thousands of them as a few lines, so SQLite counts them and only
     * the groups cross to Java (issue 12). Ordered by state, city, period and proposal.
     */
    public List<CandidateGroup> listReviewCandidateGroups(LocalDate today, ReviewStates states, int shown) {
        // group_concat's ORDER BY costs a tenth of the join; a window function ranking the cases cost the join again.
        String sql = """
                SELECT c.status, coalesce(pl.city, ''), pl.period, p.id IS NOT NULL, count(*),
                       group_concat(c.reference, ' ' ORDER BY c.reference)
                """ + JOINS + candidatesWhere(states) + "GROUP BY 1, 2, 3, 4\n";
        return database.inTransaction(connection -> query(connection, sql, rows -> new CandidateGroup(rows.getString(1),
                rows.getString(2), LocalDate.parse(rows.getString(3)), rows.getBoolean(4), rows.getInt(5),
                firstWords(rows.getString(6), shown)), candidateArguments(today, states).toArray()));
    }

    /** The first {@code count} of the words of {@code text} separated by single blanks, without splitting all of it. */
    private static List<String> firstWords(String text, int count) {
        List<String> words = new ArrayList<>(count);
        int from = 0;
        while (words.size() < count && from <= text.length()) {
            int blank = text.indexOf(' ', from);
            int end = blank < 0 ? text.length() : blank;
            words.add(text.substring(from, end));
            from = end + 1;
        }
        return words;
    }

    /**
     * Review candidates of one state, city, period and presence of a proposal.
     *
     * @param cases how many there are
     * @param first the references of the first of them, at most as many as asked for, never empty
     */
    public record CandidateGroup(String status, String city, LocalDate period, boolean hasProposal, int cases, List<String> first) {
        public CandidateGroup {
            first = List.copyOf(first);
        }
    }

    /** The cases named, as {@code todo} weighs them, by reference; an unknown reference is left out. */
    public List<CaseBrief> listBriefs(List<String> references) {
        return database.inTransaction(connection -> {
            List<CaseBrief> found = new ArrayList<>();
            for (int from = 0; from < references.size(); from += BLOCK) {
                List<String> block = references.subList(from, Math.min(references.size(), from + BLOCK));
                found.addAll(briefs(connection, BRIEF + "WHERE c.reference IN (" + CaseRows.placeholders(block.size()) + ")\n",
                        block.toArray()));
            }
            found.sort(Comparator.comparing(CaseBrief::reference));
            return found;
        });
    }

    /** References looked up in one statement: well under SQLite's limit of parameters. */
    private static final int BLOCK = 500;

    /** The state is tested where SQLite reads the index alone; the city right after the place is looked up. */
    private static String candidatesWhere(ReviewStates states) {
        String provincial = states.provincialOnly().isEmpty() ? ""
                : "AND (c.status NOT IN (" + CaseRows.placeholders(states.provincialOnly().size()) + ") OR pl.city = ?)";
        return String.format(Locale.ROOT, """
                WHERE pl.period >= ? AND %s = 0 AND c.status IN (%s) %s
                """, ListedCases.OPEN_ERRORS, CaseRows.placeholders(states.states().size()), provincial);
    }

    private static List<Object> candidateArguments(LocalDate today, ReviewStates states) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(today.toString());
        arguments.addAll(states.states());
        if (!states.provincialOnly().isEmpty()) {
            arguments.addAll(states.provincialOnly());
            arguments.add(states.provincialCity());
        }
        return arguments;
    }

    /**
     * Cases in {@code state} whose latest version is older than {@code before}, oldest receipt
     * first: corrections not answered. Only what their line prints is read: 20,000 of them on a
     * large register, so no place, no state and no open errors (issue 12).
     */
    public List<WaitingCase> listWaitingSince(String state, Instant before) {
        return database.inTransaction(connection -> query(connection, """
                SELECT c.reference, coalesce(p.occupation_name, c.title, ''), CAST(strftime('%s', c.received_at) AS INTEGER)
                FROM cases c
                LEFT JOIN case_versions cf ON cf.case_ref = c.id AND cf.version = c.form_version
                LEFT JOIN documents d ON d.message_ref = cf.message_ref AND d.attachment_seq = cf.form_seq
                LEFT JOIN proposals p ON p.document_ref = d.id
                WHERE c.status = ?1 AND (SELECT max(v.created_at) FROM case_versions v WHERE v.case_ref = c.id) < ?2
                ORDER BY c.received_at
                """, rows -> new WaitingCase(rows.getString(1), rows.getString(2), rows.getLong(3)), state, before));
    }

    /**
     * A case waiting for a correction, as its {@code todo} line names it.
     *
     * @param receivedSecond when its first message arrived, in seconds since 1970
     */
    public record WaitingCase(String reference, String name, long receivedSecond) {}

    private static List<CaseBrief> briefs(Connection connection, String sql, Object... parameters) throws SQLException {
        Map<String, LocalDate> periods = new HashMap<>(); // a register has a few periods: each parsed once
        return query(connection, sql, rows -> {
            String period = rows.getString(5);
            return new CaseBrief(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                    period == null ? null : periods.computeIfAbsent(period, LocalDate::parse), rows.getBoolean(6), rows.getLong(7));
        }, parameters);
    }

    /**
     * One case as {@code todo} weighs it.
     *
     * @param receivedSecond when its first message arrived, in seconds since 1970 (SQLite reads the
     *     text faster than {@code Instant.parse} does 20,000 times)
     */
    public record CaseBrief(String reference, String name, String status, String city, @Nullable LocalDate period,
            boolean hasProposal, long receivedSecond) {}

    /** Two open cases whose current proposals the parse step linked as the same or a very similar occupation. */
    public record LinkedCases(String reference, String other, boolean sameName, double similarity) {}

    /**
     * The same-name candidates for {@code merge}: pairs of cases, neither in {@code closedStates},
     * whose current proposals are linked in {@code proposal_links} (the links the parse step stores,
     * see the README); each pair once, oldest case first, same names before similar ones.
     */
    public List<LinkedCases> listLinkedCases(List<String> closedStates) {
        String sql = String.format(Locale.ROOT, """
                SELECT a.reference, b.reference, l.same_name, l.similarity FROM proposal_links l
                JOIN proposals pa ON pa.id = l.proposal_ref JOIN documents da ON da.id = pa.document_ref
                JOIN case_versions va ON va.message_ref = da.message_ref AND va.form_seq = da.attachment_seq
                JOIN cases a ON a.id = va.case_ref AND a.form_version = va.version
                JOIN proposals pb ON pb.id = l.other_ref JOIN documents db ON db.id = pb.document_ref
                JOIN case_versions vb ON vb.message_ref = db.message_ref AND vb.form_seq = db.attachment_seq
                JOIN cases b ON b.id = vb.case_ref AND b.form_version = vb.version
                WHERE a.id < b.id AND a.status NOT IN (%1$s) AND b.status NOT IN (%1$s)
                ORDER BY l.same_name DESC, a.id, b.id
                """, CaseRows.placeholders(closedStates.size()));
        List<String> arguments = new ArrayList<>(closedStates);
        arguments.addAll(closedStates);
        return database.inTransaction(connection -> query(connection, sql,
                rows -> new LinkedCases(rows.getString(1), rows.getString(2), rows.getInt(3) == 1, rows.getDouble(4)),
                arguments.toArray()));
    }
}
