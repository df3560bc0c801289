package cn.gdhrss.intake.form;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The per-form checks of issue 3 on a 新职业建议书, each problem a {@link Finding} of
 * {@link FindingCode} (severity, JSON path, Chinese message naming the form's label):
 *
 * <ul>
 *   <li>Required (errors): a category ticked (a second tick is the reader's
 *       {@link FindingCode#CATEGORY_MULTIPLE}, the record holds one), applicant, name, definition,
 *       industry, at least one task with content, contact person, phone and e-mail.
 *   <li>Sections 三 to 八: footnote ② frees 调整变更 from them; the issue does not list them as
 *       required, but the form's 填写说明 asks for every box. So for 新职业 and 新工种 a section
 *       left wholly empty is one warning per section for staff (never an error, and nothing for
 *       a single empty box in a partly filled section); for 调整变更 and for a form without a
 *       category nothing is said about them.
 *   <li>Lengths (errors): 产生背景 ≤ 400, 作用 ≤ 300, 技术 ≤ 400, 前景 ≤ 200, counted by
 *       {@link TextLength#visibleLength}.
 *   <li>填写时间: blank is a warning, written but unreadable an error, later than today (by the
 *       clock) an error.
 *   <li>Contacts (errors): every number of the phone box a mainland number, every address of
 *       the e-mail box valid, full-width characters in an address called out.
 *   <li>The occupation against the catalogues ({@link OccupationChecks}): the name's ending
 *       (warning), the industry a GB/T 4754-2017 name with suggestions (error), related codes
 *       known (warning, the catalogues have gaps), a 新职业/新工种 that names no related
 *       occupation or no code (warning), the name or an alternative name already taken (error; a
 *       very similar one a warning), and for 调整变更 an occupation that cannot be found (warning).
 * </ul>
 *
 * Thread-safe; the catalogues are indexed once, so a check costs well under a millisecond.
 */
public final class ProposalChecks {

    static final int MAX_BACKGROUND = 400;
    static final int MAX_ROLE = 300;
    static final int MAX_TECHNOLOGY = 400;
    static final int MAX_PROSPECTS = 200;

    private final OccupationChecks occupationChecks;
    private final Clock clock;

    public ProposalChecks(Catalogues catalogues, Clock clock) {
        this.occupationChecks = new OccupationChecks(catalogues);
        this.clock = clock;
    }

    /** All findings of the per-form checks, in the order of the form; empty for a sound form. */
    public List<Finding> check(Proposal proposal) {
        List<Finding> findings = new ArrayList<>();
        checkCover(proposal, findings);
        checkDescription(proposal, findings);
        findings.addAll(occupationChecks.check(proposal));
        checkSections(proposal, findings);
        checkLengths(proposal.analysis(), findings);
        checkContact(proposal.contact(), findings);
        return List.copyOf(findings);
    }

    private void checkCover(Proposal proposal, List<Finding> findings) {
        // Two ticks are the reader's finding already; "not ticked" beside it would contradict it.
        if (proposal.category() == null && !hasReadFinding(proposal, "CATEGORY_MULTIPLE_TICKED")) {
            findings.add(FindingCode.CATEGORY_MISSING.finding());
        }
        require(proposal.applicant(), FindingCode.APPLICANT_MISSING, findings);
        checkFilledDate(proposal, findings);
    }

    private void checkFilledDate(Proposal proposal, List<Finding> findings) {
        LocalDate filled = proposal.filledDate();
        if (filled == null && proposal.filledDateText().isBlank()) {
            findings.add(FindingCode.FILLED_DATE_MISSING.finding());
        } else if (filled == null && !hasReadFinding(proposal, FindingCode.FILLED_DATE_UNREADABLE.name())) {
            findings.add(FindingCode.FILLED_DATE_UNREADABLE.finding(proposal.filledDateText()));
        } else if (filled.isAfter(LocalDate.now(clock))) {
            findings.add(FindingCode.FILLED_DATE_IN_FUTURE.finding(filled.toString(), LocalDate.now(clock).toString()));
        }
    }

    private static boolean hasReadFinding(Proposal proposal, String code) {
        return proposal.findings().stream().anyMatch(finding -> finding.code().equals(code));
    }

    private static void checkDescription(Proposal proposal, List<Finding> findings) {
        require(proposal.occupation().name(), FindingCode.OCCUPATION_NAME_MISSING, findings);
        require(proposal.occupation().definition(), FindingCode.OCCUPATION_DEFINITION_MISSING, findings);
        require(proposal.occupation().industry(), FindingCode.OCCUPATION_INDUSTRY_MISSING, findings);
        if (proposal.tasks().stream().allMatch(task -> task.content().isBlank())) {
            findings.add(FindingCode.TASKS_MISSING.finding());
        }
    }

    private static void checkSections(Proposal proposal, List<Finding> findings) {
        Category category = proposal.category();
        if (category != Category.NEW_OCCUPATION && category != Category.NEW_JOB_TYPE) {
            return;
        }
        String label = category.label();
        addIf(isEmpty(proposal.requirements()), FindingCode.REQUIREMENTS_EMPTY.finding(label), findings);
        addIf(isEmpty(proposal.workforce()), FindingCode.WORKFORCE_EMPTY.finding(label), findings);
        addIf(isEmpty(proposal.analysis()), FindingCode.ANALYSIS_EMPTY.finding(label), findings);
        addIf(isEmpty(proposal.training()), FindingCode.TRAINING_EMPTY.finding(label), findings);
        addIf(proposal.laws().isBlank(), FindingCode.LAWS_EMPTY.finding(), findings);
        addIf(isEmpty(proposal.abroad()), FindingCode.ABROAD_EMPTY.finding(label), findings);
    }

    private static boolean isEmpty(Proposal.Requirements requirements) {
        return allBlank(requirements.ethics(), requirements.education(), requirements.specialAbilities(),
                requirements.physical(), requirements.teamwork(), requirements.safety());
    }

    private static boolean isEmpty(Proposal.Workforce workforce) {
        return workforce.employers().isEmpty() && allBlank(workforce.nationalCount(),
                workforce.regionalDistribution(), workforce.market(), workforce.pay(), workforce.dataSources());
    }

    private static boolean isEmpty(Proposal.Analysis analysis) {
        return allBlank(analysis.background(), analysis.role(), analysis.technology(), analysis.prospects());
    }

    private static boolean isEmpty(Proposal.Training training) {
        return training.schools().isEmpty() && training.institutions().isEmpty();
    }

    private static boolean isEmpty(Proposal.Abroad abroad) {
        return abroad.countries().isEmpty() && abroad.similarNames().isEmpty() && abroad.mainTasks().isEmpty()
                && allBlank(abroad.requirements(), abroad.standards(), abroad.training());
    }

    private static void addIf(boolean condition, Finding finding, List<Finding> findings) {
        if (condition) {
            findings.add(finding);
        }
    }

    private static void checkLengths(Proposal.Analysis analysis, List<Finding> findings) {
        limit(analysis.background(), MAX_BACKGROUND, FindingCode.ANALYSIS_BACKGROUND_TOO_LONG, findings);
        limit(analysis.role(), MAX_ROLE, FindingCode.ANALYSIS_ROLE_TOO_LONG, findings);
        limit(analysis.technology(), MAX_TECHNOLOGY, FindingCode.ANALYSIS_TECHNOLOGY_TOO_LONG, findings);
        limit(analysis.prospects(), MAX_PROSPECTS, FindingCode.ANALYSIS_PROSPECTS_TOO_LONG, findings);
    }

    private static void checkContact(Proposal.Contact contact, List<Finding> findings) {
        require(contact.person(), FindingCode.CONTACT_PERSON_MISSING, findings);
        require(contact.phone(), FindingCode.CONTACT_PHONE_MISSING, findings);
        require(contact.email(), FindingCode.CONTACT_EMAIL_MISSING, findings);
        for (String phone : ContactFormat.phoneItems(contact.phone())) {
            if (!ContactFormat.isPhone(phone)) {
                findings.add(FindingCode.CONTACT_PHONE_INVALID.finding(phone));
            }
        }
        for (String email : ContactFormat.emailItems(contact.email())) {
            checkEmail(email, findings);
        }
    }

    private static void checkEmail(String email, List<Finding> findings) {
        Optional<String> fullWidth = ContactFormat.fullWidthCharacter(email);
        if (fullWidth.isPresent()) {
            findings.add(FindingCode.CONTACT_EMAIL_FULL_WIDTH.finding(email, fullWidth.get()));
        } else if (!ContactFormat.isEmail(email)) {
            findings.add(FindingCode.CONTACT_EMAIL_INVALID.finding(email));
        }
    }

    private static void limit(String text, int max, FindingCode code, List<Finding> findings) {
        int length = TextLength.visibleLength(text);
        if (length > max) {
            findings.add(code.finding(length));
        }
    }

    private static void require(String value, FindingCode code, List<Finding> findings) {
        if (value.isBlank()) {
            findings.add(code.finding());
        }
    }

    private static boolean allBlank(String... values) {
        return Stream.of(values).allMatch(String::isBlank);
    }
}
