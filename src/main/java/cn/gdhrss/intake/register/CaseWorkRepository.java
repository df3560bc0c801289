package cn.gdhrss.intake.register;

import static cn.gdhrss.intake.register.CaseRows.query;
import static cn.gdhrss.intake.register.CaseRows.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The register's side of staff work on cases (issue 8): every case listed, found and searched
 * whether or not it has a proposal; state changes, reviews, merges, notes and the paper copy, each
 * written with its audit line in one transaction.
 */
public final class CaseWorkRepository {

    /** Search words are read up to this many, each up to {@link #MAX_WORD_LENGTH} characters. */
    static final int MAX_WORDS = 8;
    static final int MAX_WORD_LENGTH = 100;

    /**
     * One row per case. The current proposal is that of the latest version that carried one; the
     * latest version's error count is what remains open. Both version numbers and the time of
     * receipt are kept on the case row (migration V12), so each case costs a few key lookups and
     * the newest cases come from the index {@code cases_received} (issue 12).
     */
    private static final String CASES = """
            WITH listed AS (
                SELECT c.id, c.reference, c.kind, c.status, c.flagged, c.title, c.applicant AS case_applicant,
                       c.merged_into, c.paper_received,
                       c.received_at AS received_at, coalesce(m.from_address, '') AS sender,
                       coalesce(lt.message_ref, 0) AS latest_message, coalesce(lt.error_count, 0) AS open_errors,
                       coalesce(lt.warning_count, 0) AS open_warnings,
                       p.id AS proposal_id, cf.message_ref AS proposal_message,
                       coalesce(p.category, '') AS category, coalesce(p.occupation_name, c.title) AS name,
                       coalesce(p.applicant, c.applicant) AS applicant, coalesce(p.occupation_industry, '') AS industry,
                       coalesce(p.occupation_alternative_names, '') AS alternative_names,
                       coalesce(p.occupation_definition, '') AS definition,
                       coalesce(p.contact_person, '') AS contact_person, coalesce(p.contact_phone, '') AS contact_phone,
                       coalesce(p.contact_email, '') AS contact_email,
                       coalesce(pl.city, '') AS city, coalesce(pl.city_source, '') AS city_source,
                       pl.period AS period, coalesce(pl.period_source, '') AS period_source
                FROM cases c
                LEFT JOIN case_versions f ON f.case_ref = c.id AND f.version = 1
                LEFT JOIN messages m ON m.id = f.message_ref
                LEFT JOIN case_versions lt ON lt.case_ref = c.id AND lt.version = c.latest_version
                LEFT JOIN case_versions cf ON cf.case_ref = c.id AND cf.version = c.form_version
                LEFT JOIN documents d ON d.message_ref = cf.message_ref AND d.attachment_seq = cf.form_seq
                LEFT JOIN proposals p ON p.document_ref = d.id
                LEFT JOIN case_places pl ON pl.case_reference = c.reference)
            """;

    private final Database database;
    private final Clock clock;

    public CaseWorkRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Cases matching {@code filter}, newest receipt first, at most {@code limit}. */
    public List<CaseListing> list(CaseQuery filter, int limit) {
        return database.inTransaction(connection -> listings(connection, CASES + FILTERED, filterParameters(filter, limit)));
    }

    /** The flagged cases, newest receipt first, at most {@code limit}: few, so listed in full. */
    public List<CaseListing> listFlagged(int limit) {
        return database.inTransaction(connection -> listings(connection, CASES + """
                SELECT * FROM listed WHERE flagged = 1
                ORDER BY received_at DESC, reference DESC
                LIMIT ?1
                """, limit));
    }

    /**
     * What {@code todo} weighs of a case: only the joins these columns need and no reviews, so
     * 50,000 cases are read in a fraction of the full listing's time (issue 12).
     */
    private static final String BRIEF = """
            SELECT c.reference, coalesce(p.occupation_name, c.title, '') AS name, c.status,
                   coalesce(pl.city, '') AS city, pl.period, p.id IS NOT NULL AS has_proposal,
                   CAST(strftime('%s', c.received_at) AS INTEGER) AS received_second
            FROM cases c
            LEFT JOIN case_places pl ON pl.case_reference = c.reference
            LEFT JOIN case_versions lt ON lt.case_ref = c.id AND lt.version = c.latest_version
            LEFT JOIN case_versions cf ON cf.case_ref = c.id AND cf.version = c.form_version
            LEFT JOIN documents d ON d.message_ref = cf.message_ref AND d.attachment_seq = cf.form_seq
            LEFT JOIN proposals p ON p.document_ref = d.id
            """;

    /**
     * The cases in one of {@code states} that may await a review: without open errors, in a period
     * ending on or after {@code today}, by reference.
     */
    public List<CaseBrief> listReviewCandidates(LocalDate today, List<String> states) {
        List<Object> arguments = new ArrayList<>(states);
        arguments.add(0, today.toString());
        return database.inTransaction(connection -> briefs(connection, BRIEF + String.format(Locale.ROOT, """
                WHERE pl.period >= ? AND coalesce(lt.error_count, 0) = 0 AND c.status IN (%s)
                ORDER BY c.reference
                """, CaseRows.placeholders(states.size())), arguments.toArray()));
    }

    /** Cases in {@code state} whose latest version is older than {@code before}, oldest receipt first: corrections not answered. */
    public List<CaseBrief> listWaitingSince(String state, Instant before) {
        return database.inTransaction(connection -> briefs(connection, BRIEF + """
                WHERE c.status = ?1 AND (SELECT max(v.created_at) FROM case_versions v WHERE v.case_ref = c.id) < ?2
                ORDER BY c.received_at
                """, state, before));
    }

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

    /** The filters of {@link CaseQuery} as ?1..?7 and the limit as ?8, newest receipt first. */
    private static final String FILTERED = "SELECT * FROM listed\n" + Filter.WHERE;

    /** The WHERE and ORDER BY of {@link #FILTERED}, shared with {@link #forEachLine}. */
    private static final class Filter {
        static final String WHERE = """
            WHERE (?1 IS NULL OR period = ?1)
              AND (?2 IS NULL OR city = ?2)
              AND (?3 IS NULL OR status = ?3)
              AND (?4 IS NULL OR category = ?4)
              AND (?5 IS NULL OR instr(industry, ?5) > 0)
              AND (?6 IS NULL OR instr(name, ?6) > 0 OR instr(alternative_names, ?6) > 0
                   OR instr(definition, ?6) > 0 OR instr(applicant, ?6) > 0)
              AND (?7 = 0 OR flagged = 1)
            ORDER BY received_at DESC, reference DESC
            LIMIT ?8
            """;
    }

    /** Cases whose reviews are read in one statement. */
    private static final int REVIEW_BLOCK = 500;

    private static Object[] filterParameters(CaseQuery filter, int limit) {
        return new Object[] {filter.period() == null ? null : filter.period().toString(), filter.city(), filter.status(),
                filter.category(), filter.industry(), filter.text(), filter.flaggedOnly() ? 1 : 0, limit};
    }

    /**
     * Like {@link #list}, handing each case to {@code each} as it is read, reviews attached a block
     * at a time: a listing of the whole register is printed without holding it (issue 12).
     */
    public void forEach(CaseQuery filter, int limit, Consumer<CaseListing> each) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CASES + FILTERED)) {
                Object[] parameters = filterParameters(filter, limit);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<CaseListing> block = new ArrayList<>(REVIEW_BLOCK);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        block.add(listingOf(rows));
                        if (block.size() == REVIEW_BLOCK) {
                            withReviews(connection, block).forEach(each);
                            block.clear();
                        }
                    }
                }
                withReviews(connection, block).forEach(each);
            }
            return null;
        });
    }

    /**
     * The columns of a case's line, over the cases of {@link #forEach} in its order: SQLite computes
     * only these (the view's other columns, the definition among them, are left out), the time of
     * receipt comes as seconds, columns are read by position, and reviews are read only for cases
     * that have any (issue 12: 100,000 lines printed).
     */
    private static final String LINES = CASES + """
            SELECT reference, CAST(strftime('%s', received_at) AS INTEGER), city, period, category, name, applicant, status,
                   open_errors, EXISTS (SELECT 1 FROM case_reviews r WHERE r.case_reference = listed.reference)
            FROM listed
            """ + Filter.WHERE;

    /** Like {@link #forEach}, handing out the {@link CaseLine} of each case. */
    public void forEachLine(CaseQuery filter, int limit, Consumer<CaseLine> each) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LINES)) {
                Object[] parameters = filterParameters(filter, limit);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                Map<String, LocalDate> periods = new HashMap<>(); // a register has a few periods: each parsed once
                List<CaseLine> block = new ArrayList<>(REVIEW_BLOCK);
                List<String> reviewed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String period = rows.getString(4);
                        CaseLine line = new CaseLine(rows.getString(1), rows.getLong(2), rows.getString(3),
                                period == null ? null : periods.computeIfAbsent(period, LocalDate::parse), rows.getString(5),
                                rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9), List.of());
                        block.add(line);
                        if (rows.getInt(10) == 1) {
                            reviewed.add(line.reference());
                        }
                        if (block.size() == REVIEW_BLOCK) {
                            handOut(connection, block, reviewed, each);
                        }
                    }
                }
                handOut(connection, block, reviewed, each);
            }
            return null;
        });
    }

    private static void handOut(Connection connection, List<CaseLine> block, List<String> reviewed, Consumer<CaseLine> each)
            throws SQLException {
        Map<String, List<ReviewRecord>> reviews = reviewed.isEmpty() ? Map.of() : reviewsOfReferences(connection, reviewed);
        for (CaseLine line : block) {
            List<ReviewRecord> found = reviews.get(line.reference());
            each.accept(found == null ? line : new CaseLine(line.reference(), line.receivedSecond(), line.city(), line.period(),
                    line.category(), line.name(), line.applicant(), line.status(), line.openErrors(), found));
        }
        block.clear();
        reviewed.clear();
    }

    public Optional<CaseListing> find(String reference) {
        return database.inTransaction(connection -> listings(connection, CASES + "SELECT * FROM listed WHERE reference = ?",
                reference.strip().toUpperCase(Locale.ROOT)).stream().findFirst());
    }

    /**
     * Cases in which every one of {@code words} occurs in the occupation name, alternative names,
     * definition, tasks, applicant, contact person, phone (digits compared without separators),
     * e-mail, a sender address or the reference; best first: a hit in the name counts most, then
     * alternative names, then applicant and contact, then definition, then tasks.
     */
    public List<CaseListing> search(List<String> words, int limit) {
        List<String> bounded = words.stream().map(String::strip).filter(word -> !word.isEmpty()).limit(MAX_WORDS)
                .map(word -> word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word)
                .map(word -> word.toLowerCase(Locale.ROOT)).toList();
        if (bounded.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        StringBuilder score = new StringBuilder("0");
        List<Object> parameters = new ArrayList<>();
        for (String word : bounded) {
            int at = parameters.size() + 1;
            parameters.add(word);
            parameters.add(word.replaceAll("[\\s\\-()（）]", ""));
            where.append(String.format(Locale.ROOT, " AND (%s)", anyField(at)));
            score.append(String.format(Locale.ROOT, " + %s", weight(at)));
        }
        parameters.add(limit);
        String restrict = "";
        String candidates = "";
        Optional<String> narrowest = bounded.stream().filter(word -> word.codePointCount(0, word.length()) >= TRIGRAM)
                .max(java.util.Comparator.comparingInt(String::length));
        if (narrowest.isPresent()) {
            int at = parameters.size() + 1;
            parameters.add("\"" + narrowest.get().replace("\"", "\"\"") + "\"");
            parameters.add(narrowest.get());
            parameters.add(narrowest.get().replaceAll("[\\s\\-()（）]", ""));
            candidates = String.format(Locale.ROOT, CANDIDATES, at, at + 1, at + 2);
            restrict = " WHERE l.id IN (SELECT id FROM candidates)";
        }
        String sql = CASES + candidates + String.format(Locale.ROOT, """
                , searched AS (
                    SELECT l.*, lower(l.reference || ' ' || l.name || ' ' || l.alternative_names) AS s_name,
                           lower(l.applicant || ' ' || l.contact_person || ' ' || l.contact_email || ' '
                                 || coalesce((SELECT group_concat(s.address, ' ') FROM case_senders s WHERE s.case_ref = l.id), '')) AS s_people,
                           replace(replace(replace(replace(l.contact_phone, '-', ''), ' ', ''), '(', ''), ')', '') AS s_phone,
                           lower(l.definition) AS s_definition,
                           coalesce((SELECT group_concat(t.content, ' ') FROM proposal_tasks t WHERE t.proposal_ref = l.proposal_id), '') AS s_tasks
                    FROM listed l%s)
                SELECT *, %s AS score FROM searched %s
                ORDER BY score DESC, received_at DESC, reference DESC
                LIMIT ?%d
                """, restrict, score, where, parameters.size() - (narrowest.isPresent() ? 3 : 0));
        return database.inTransaction(connection -> listings(connection, sql, parameters.toArray()));
    }

    /** Search words of this many characters can use the trigram index {@code proposal_search}. */
    private static final int TRIGRAM = 3;

    /**
     * Every case in which one search word (?1 as an FTS5 phrase, ?2 lower-cased, ?3 without phone
     * separators) may occur: the trigram index over the proposals' name, alternative names,
     * definition and tasks, then the few short columns it does not hold. A superset of the cases
     * {@link #anyField} accepts, so the full test runs on these only, not on every case (issue 12).
     */
    private static final String CANDIDATES = """
            , candidates AS (
                SELECT v.case_ref AS id FROM proposal_search s JOIN proposals p ON p.id = s.rowid
                JOIN case_versions v ON v.message_ref = p.message_ref WHERE proposal_search MATCH ?%1$d
                UNION SELECT v.case_ref FROM proposals p JOIN case_versions v ON v.message_ref = p.message_ref
                WHERE instr(lower(p.applicant || ' ' || p.contact_person || ' ' || p.contact_email), ?%2$d) > 0
                   OR (length(?%3$d) >= 3 AND instr(replace(replace(replace(replace(p.contact_phone, '-', ''), ' ', ''), '(', ''), ')', ''), ?%3$d) > 0)
                UNION SELECT id FROM cases WHERE instr(lower(reference || ' ' || title || ' ' || applicant), ?%2$d) > 0
                UNION SELECT case_ref FROM case_senders WHERE instr(lower(address), ?%2$d) > 0)
            """;

    private static String anyField(int at) {
        return String.format(Locale.ROOT, "instr(s_name, ?%1$d) > 0 OR instr(s_people, ?%1$d) > 0 OR instr(s_definition, ?%1$d) > 0"
                + " OR instr(s_tasks, ?%1$d) > 0 OR (length(?%2$d) >= 3 AND instr(s_phone, ?%2$d) > 0)", at, at + 1);
    }

    private static String weight(int at) {
        return String.format(Locale.ROOT, "(CASE WHEN instr(lower(name), ?%1$d) > 0 THEN 10 WHEN instr(s_name, ?%1$d) > 0 THEN 6"
                + " WHEN instr(s_people, ?%1$d) > 0 OR (length(?%2$d) >= 3 AND instr(s_phone, ?%2$d) > 0) THEN 4"
                + " WHEN instr(s_definition, ?%1$d) > 0 THEN 2 ELSE 1 END)", at, at + 1);
    }

    /** How many cases are in each state, by state code. */
    public Map<String, Integer> countByState() {
        return database.inTransaction(connection -> {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            query(connection, "SELECT status, count(*) FROM cases GROUP BY status ORDER BY status",
                    rows -> counts.put(rows.getString(1), rows.getInt(2)));
            return counts;
        });
    }

    /** Sets the state of a case and audits the change; false when the case is unknown. */
    public boolean changeState(String reference, String state, String actor, String kind, String detail) {
        return database.inTransaction(connection -> setState(connection, reference, state, actor, kind, detail));
    }

    /** Records a review, the state it moves the case to, and both audit lines, in one transaction. */
    public void addReview(ReviewRecord review, String state, String detail) {
        database.inTransaction(connection -> {
            update(connection, """
                    INSERT INTO case_reviews (case_reference, stage, result, note, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, review.reference(), review.stage(), review.result(), review.note(), review.reviewedBy(), review.reviewedAt());
            return setState(connection, review.reference(), state, review.reviewedBy(), "review", detail);
        });
    }

    /** Merges {@code reference} into {@code into}: state merged, the link kept, both cases audited. */
    public void merge(String reference, String into, String mergedState, String actor, String detail) {
        database.inTransaction(connection -> {
            update(connection, "UPDATE cases SET merged_into = ? WHERE reference = ?", into, reference);
            setState(connection, reference, mergedState, actor, "merged", "并入 " + into + detail);
            CaseRows.audit(connection, clock.instant(), into, actor, "merged_in", "已并入 " + reference + detail);
            return null;
        });
    }

    /**
     * Marks {@code reference} as a second copy of the proposal of {@code of} (state {@code duplicateState}),
     * kept with its pair like a merge; audited on both cases.
     */
    public void markDuplicate(String reference, String of, String duplicateState, String actor, String detail) {
        database.inTransaction(connection -> {
            update(connection, "UPDATE cases SET merged_into = ? WHERE reference = ?", of, reference);
            setState(connection, reference, duplicateState, actor, "duplicate", "与 " + of + " 重复（同一申报再次提交）" + detail);
            CaseRows.audit(connection, clock.instant(), of, actor, "duplicate_of", reference + " 是本件的重复提交" + detail);
            return null;
        });
    }

    /** A note of staff on the case; {@code clearFlag} also marks what was flagged as dealt with. */
    public void addNote(String reference, String text, String actor, boolean clearFlag) {
        database.inTransaction(connection -> {
            CaseRows.audit(connection, clock.instant(), reference, actor, "note", text);
            if (clearFlag) {
                update(connection, "UPDATE cases SET flagged = 0, updated_at = ? WHERE reference = ?", clock.instant(), reference);
            }
            return null;
        });
    }

    public void setPaperReceived(String reference, LocalDate received, String actor) {
        database.inTransaction(connection -> {
            update(connection, "UPDATE cases SET paper_received = ?, updated_at = ? WHERE reference = ?",
                    received.toString(), clock.instant(), reference);
            CaseRows.audit(connection, clock.instant(), reference, actor, "paper", "纸质材料（盖章）" + received + " 收到");
            return null;
        });
    }

    /** Gives a case without a place (one without a proposal) the city and period staff name. Audited. */
    public void placeByStaff(String reference, String city, LocalDate period, String actor) {
        database.inTransaction(connection -> {
            update(connection, """
                    INSERT INTO case_places (case_reference, city, city_source, period, period_source, updated_at)
                    VALUES (?, ?, 'staff', ?, 'staff', ?)
                    ON CONFLICT (case_reference) DO UPDATE SET city = excluded.city, city_source = 'staff',
                        period = excluded.period, period_source = 'staff', updated_at = excluded.updated_at
                    """, reference, city, period.toString(), clock.instant());
            CaseRows.audit(connection, clock.instant(), reference, actor, "place_set", "城市 " + city + "，报送期 " + period);
            return null;
        });
    }

    /** The audit trail of a case, oldest first: reporting changes, reviews, state changes and notes. */
    public List<CaseAuditRecord> listAudit(String reference) {
        return database.inTransaction(connection -> query(connection,
                "SELECT at, actor, kind, detail FROM case_audit WHERE case_reference = ? ORDER BY id",
                rows -> new CaseAuditRecord(Instant.parse(rows.getString(1)), rows.getString(2), rows.getString(3), rows.getString(4)),
                reference));
    }

    /** Cases that were merged into {@code reference}. */
    public List<String> listMergedInto(String reference) {
        return database.inTransaction(connection -> query(connection,
                "SELECT reference FROM cases WHERE merged_into = ? ORDER BY id", rows -> rows.getString(1), reference));
    }

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
        List<String> arguments = new java.util.ArrayList<>(closedStates);
        arguments.addAll(closedStates);
        return database.inTransaction(connection -> query(connection, sql,
                rows -> new LinkedCases(rows.getString(1), rows.getString(2), rows.getInt(3) == 1, rows.getDouble(4)),
                arguments.toArray()));
    }

    /** The Message-IDs of the messages filed into a case, in version order: a staff letter's thread. */
    public List<String> listMessageIdsOfCase(long caseId) {
        return database.inTransaction(connection -> query(connection, """
                SELECT m.message_id FROM case_versions v JOIN messages m ON m.id = v.message_ref
                WHERE v.case_ref = ? AND m.message_id IS NOT NULL ORDER BY v.version
                """, rows -> rows.getString(1), caseId));
    }

    private boolean setState(Connection connection, String reference, String state, String actor, String kind, String detail)
            throws SQLException {
        List<String> before = query(connection, "SELECT status FROM cases WHERE reference = ?", rows -> rows.getString(1), reference);
        if (before.isEmpty()) {
            return false;
        }
        update(connection, "UPDATE cases SET status = ?, updated_at = ? WHERE reference = ?", state, clock.instant(), reference);
        CaseRows.audit(connection, clock.instant(), reference, actor, kind, detail);
        if (!before.get(0).equals(state)) {
            CaseRows.audit(connection, clock.instant(), reference, actor, "state", before.get(0) + " → " + state);
        }
        return true;
    }

    private static List<CaseListing> listings(Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
        return withReviews(connection, query(connection, sql, CaseWorkRepository::listingOf, parameters));
    }

    private static List<CaseListing> withReviews(Connection connection, List<CaseListing> found) throws SQLException {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReviewRecord>> reviews = reviewsOf(connection, found);
        return found.stream().map(one -> withReviews(one, reviews.getOrDefault(one.reference(), List.of()))).toList();
    }

    private static Map<String, List<ReviewRecord>> reviewsOf(Connection connection, List<CaseListing> cases) throws SQLException {
        return reviewsOfReferences(connection, cases.stream().map(CaseListing::reference).toList());
    }

    private static Map<String, List<ReviewRecord>> reviewsOfReferences(Connection connection, List<String> references) throws SQLException {
        Map<String, List<ReviewRecord>> byCase = new HashMap<>();
        for (int from = 0; from < references.size(); from += 500) {
            List<String> chunk = references.subList(from, Math.min(references.size(), from + 500));
            for (ReviewRecord review : query(connection, "SELECT case_reference, stage, result, note, reviewed_by, reviewed_at"
                    + " FROM case_reviews WHERE case_reference IN (" + CaseRows.placeholders(chunk.size()) + ") ORDER BY id",
                    rows -> new ReviewRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), Instant.parse(rows.getString(6))), chunk.toArray())) {
                byCase.computeIfAbsent(review.reference(), key -> new ArrayList<>()).add(review);
            }
        }
        return byCase;
    }

    private static CaseListing withReviews(CaseListing one, List<ReviewRecord> reviews) {
        return new CaseListing(one.id(), one.reference(), one.kind(), one.status(), one.flagged(), one.receivedAt(), one.sender(),
                one.latestMessage(), one.proposalId(), one.proposalMessage(), one.openErrors(), one.openWarnings(), one.category(),
                one.name(), one.applicant(), one.industry(), one.contactPerson(), one.contactPhone(), one.contactEmail(), one.city(),
                one.citySource(), one.period(), one.periodSource(), one.mergedInto(), one.paperReceived(), reviews);
    }

    private static CaseListing listingOf(ResultSet rows) throws SQLException {
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
