package cn.gdhrss.intake.register;

import java.util.Locale;

/**
 * The one place that says what a case is when it is reported (issue 5): a case is reported with
 * its current proposal, the one of its latest version that carried a proposal; for a period, every
 * case counts, those without a proposal too (issue 8).
 */
final class CurrentCases {
    private CurrentCases() {}

    /**
     * One row per case: its reference, current proposal (that of its latest version that carried
     * one), the message that carried it, the first message of the case (receipt decides the period)
     * and the case's status. A proposal that no case version points to (read before cases were
     * filed) stands for a case of its own, referenced P-&lt;proposal id&gt;, with its message's status.
     * {@code %1$s} narrows the versions looked at, {@code %2$s} the proposals (see {@link #restricted}).
     */
    private static final String CURRENT_CASES = """
            WITH current_versions AS (
                SELECT v.case_ref, v.message_ref, v.form_seq,
                       (SELECT f.message_ref FROM case_versions f WHERE f.case_ref = v.case_ref ORDER BY f.version LIMIT 1) AS first_message_ref
                FROM case_versions v
                WHERE v.form_seq IS NOT NULL %1$s
                  AND v.version = (SELECT max(l.version) FROM case_versions l WHERE l.case_ref = v.case_ref AND l.form_seq IS NOT NULL)),
            current_cases AS (
                SELECT c.reference AS reference, p.id AS proposal_id, cv.message_ref AS message_ref,
                       cv.first_message_ref AS first_message_ref, c.status AS status
                FROM current_versions cv
                JOIN cases c ON c.id = cv.case_ref
                JOIN documents d ON d.message_ref = cv.message_ref AND d.attachment_seq = cv.form_seq
                JOIN proposals p ON p.document_ref = d.id
                WHERE 1 = 1 %2$s
                UNION ALL
                SELECT 'P-' || p.id, p.id, p.message_ref, p.message_ref, m.status
                FROM proposals p
                JOIN documents d ON d.id = p.document_ref
                JOIN messages m ON m.id = p.message_ref
                WHERE NOT EXISTS (SELECT 1 FROM case_versions v WHERE v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq) %2$s)
            """;

    /** {@code current_cases} of every case. */
    static final String ALL = restricted("", "");

    /**
     * {@link #ALL} and, as {@code period_cases}, every case of the register: those with a current
     * proposal and those without one (issue 8: a mail without a usable form is a case too). Besides
     * the columns of {@code current_cases} it gives the case's kind, the errors of its current
     * version (its latest version when it has no proposal) and that version's document.
     */
    static final String PERIOD_CASES = ALL + """
            , period_cases AS (
                SELECT cc.reference, cc.proposal_id, cc.message_ref, cc.first_message_ref, cc.status,
                       COALESCE(k.kind, 'proposal') AS kind, p.document_ref AS document_ref,
                       COALESCE(v.error_count,
                                (SELECT count(*) FROM findings f WHERE f.document_ref = p.document_ref AND f.severity = 'error')) AS error_count
                FROM current_cases cc
                JOIN proposals p ON p.id = cc.proposal_id
                JOIN documents d ON d.id = p.document_ref
                LEFT JOIN cases k ON k.reference = cc.reference
                LEFT JOIN case_versions v ON v.case_ref = k.id AND v.message_ref = d.message_ref AND v.form_seq = d.attachment_seq
                UNION ALL
                SELECT c.reference, NULL, lv.message_ref, fv.message_ref, c.status, c.kind, NULL, lv.error_count
                FROM cases c
                JOIN case_versions lv ON lv.case_ref = c.id
                     AND lv.version = (SELECT max(x.version) FROM case_versions x WHERE x.case_ref = c.id)
                JOIN case_versions fv ON fv.case_ref = c.id
                     AND fv.version = (SELECT min(x.version) FROM case_versions x WHERE x.case_ref = c.id)
                WHERE NOT EXISTS (SELECT 1 FROM case_versions x WHERE x.case_ref = c.id AND x.form_seq IS NOT NULL))
            """;

    /**
     * {@code current_cases} of only some cases: {@code versionCondition} is ANDed to the versions
     * (alias {@code v}), {@code proposalCondition} to the proposals (alias {@code p}), so a search
     * builds no more current cases than its hits.
     */
    static String restricted(String versionCondition, String proposalCondition) {
        return String.format(Locale.ROOT, CURRENT_CASES, versionCondition, proposalCondition);
    }
}
