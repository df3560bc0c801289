package cn.gdhrss.intake.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code search} over every case, with or without a proposal (issue 8): all words must occur, the
 * trigram index {@code proposal_search} narrows the cases looked at (issue 12).
 */
public final class CaseSearchRepository {

    /** Search words are read up to this many, each up to {@link #MAX_WORD_LENGTH} characters. */
    static final int MAX_WORDS = 8;
    static final int MAX_WORD_LENGTH = 100;

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

    private final Database database;

    public CaseSearchRepository(Database database) {
        this.database = database;
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
            parameters.add(withoutPhoneSeparators(word));
            where.append(String.format(Locale.ROOT, " AND (%s)", anyField(at)));
            score.append(String.format(Locale.ROOT, " + %s", weight(at)));
        }
        parameters.add(limit);
        String restrict = "";
        String candidates = "";
        Optional<String> narrowest = bounded.stream().filter(word -> word.codePointCount(0, word.length()) >= TRIGRAM)
                .max(Comparator.comparingInt(String::length));
        if (narrowest.isPresent()) {
            int at = parameters.size() + 1;
            parameters.add(CaseRows.ftsPhrase(narrowest.get()));
            parameters.add(narrowest.get());
            parameters.add(withoutPhoneSeparators(narrowest.get()));
            candidates = String.format(Locale.ROOT, CANDIDATES, at, at + 1, at + 2);
            restrict = " WHERE l.id IN (SELECT id FROM candidates)";
        }
        String sql = ListedCases.CASES + candidates + String.format(Locale.ROOT, """
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
        return database.inTransaction(connection -> ListedCases.listings(connection, sql, parameters.toArray()));
    }

    private static String withoutPhoneSeparators(String word) {
        return word.replaceAll("[\\s\\-()（）]", "");
    }

    private static String anyField(int at) {
        return String.format(Locale.ROOT, "instr(s_name, ?%1$d) > 0 OR instr(s_people, ?%1$d) > 0 OR instr(s_definition, ?%1$d) > 0"
                + " OR instr(s_tasks, ?%1$d) > 0 OR (length(?%2$d) >= 3 AND instr(s_phone, ?%2$d) > 0)", at, at + 1);
    }

    private static String weight(int at) {
        return String.format(Locale.ROOT, "(CASE WHEN instr(lower(name), ?%1$d) > 0 THEN 10 WHEN instr(s_name, ?%1$d) > 0 THEN 6"
                + " WHEN instr(s_people, ?%1$d) > 0 OR (length(?%2$d) >= 3 AND instr(s_phone, ?%2$d) > 0) THEN 4"
                + " WHEN instr(s_definition, ?%1$d) > 0 THEN 2 ELSE 1 END)", at, at + 1);
    }
}
