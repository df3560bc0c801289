package cn.gdhrss.intake.form;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks of a 新职业信息汇总表 (附件2): on its own ({@link #check}: the city of its title, the
 * required cells of each row) and against the 建议书 it summarises ({@link #compare}: its 备注
 * says 汇总表各项内容应该与新职业申报书对应内容保持一致, so every disagreement is an error).
 *
 * <p>Cells are compared by their content: letters, digits and Chinese characters, so spaces,
 * line breaks, full-width forms and punctuation do not make a difference; 备选名称 are compared
 * as sets; 联系人及电话 agrees when it contains the proposal's contact person and one of its
 * phone numbers (its last seven digits suffice, the area code may be left out). Thread-safe.
 */
public final class SummaryTableChecks {

    private static final Pattern CITY_PLACEHOLDER = Pattern.compile("(?i)^\\s*(x+|×+|某+)?\\s*(地市|市)?\\s*$");
    private static final Pattern NAME_NUMBERING = Pattern.compile("\\d{1,2}\\s*[.．、)）]|[(（]\\d{1,2}[)）]|[①-⑩]");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[、，,；;/\\n]+");

    private final Catalogues catalogues;
    private final DuplicateMatcher matcher = new DuplicateMatcher();

    public SummaryTableChecks(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    /**
     * Per-table checks: the city of the title is given and is a Guangdong 地级以上市, the table has
     * rows, and each row has its category, name, definition, industry, applicant and contact
     * (errors) and its 地市是否有初审 (warning).
     */
    public List<Finding> check(SummaryTable table) {
        List<Finding> findings = new ArrayList<>();
        checkCity(table.city(), findings);
        if (table.rows().isEmpty()) {
            findings.add(FindingCode.SUMMARY_ROWS_MISSING.finding());
        }
        for (int index = 0; index < table.rows().size(); index++) {
            checkRow(table.rows().get(index), index, findings);
        }
        return List.copyOf(findings);
    }

    /**
     * Compares each row with its proposal: every column that disagrees is a finding; a row without
     * a proposal and a proposal missing from the table are findings too. proposals: those of the
     * same submission first; the caller falls back to the register.
     *
     * <p>Every proposal given here is expected in the table. To let rows find proposals of the
     * register without expecting those in the table, use {@link #compare(SummaryTable, List, List)}.
     */
    public List<Finding> compare(SummaryTable table, List<Proposal> proposals) {
        return compare(table, proposals, List.of());
    }

    /**
     * As {@link #compare(SummaryTable, List)}, with {@code register}: proposals already in the
     * register, tried for a row only when none of {@code submitted} fits it, and never reported as
     * missing from the table. A row is matched to a proposal of the same name (normalised as
     * {@link DuplicateMatcher#isSameOccupation}) and applicant, else of the same name, else of the
     * same applicant and a very similar name (then the name column is reported); each proposal
     * matches one row at most.
     */
    public List<Finding> compare(SummaryTable table, List<Proposal> submitted, List<Proposal> register) {
        List<Proposal> pool = new ArrayList<>(submitted);
        pool.addAll(register);
        boolean[] used = new boolean[pool.size()];
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < table.rows().size(); index++) {
            SummaryTable.Row row = table.rows().get(index);
            int match = match(row, pool, used, submitted.size());
            if (match < 0) {
                findings.add(FindingCode.SUMMARY_ROW_WITHOUT_PROPOSAL.at("rows[" + index + "]",
                        rowNumber(row, index), row.name(), row.applicant()));
            } else {
                used[match] = true;
                compareRow(row, index, pool.get(match), findings);
            }
        }
        for (int index = 0; index < submitted.size(); index++) {
            if (!used[index]) {
                Proposal missing = submitted.get(index);
                findings.add(FindingCode.SUMMARY_PROPOSAL_MISSING_FROM_TABLE.finding(
                        missing.occupation().name(), missing.applicant()));
            }
        }
        return List.copyOf(findings);
    }

    private void checkCity(String city, List<Finding> findings) {
        if (CITY_PLACEHOLDER.matcher(city).matches()) {
            findings.add(FindingCode.SUMMARY_CITY_MISSING.finding());
        } else if (catalogues.findCity(city).isEmpty() && catalogues.findCityMentionedIn(city).isEmpty()) {
            findings.add(FindingCode.SUMMARY_CITY_UNKNOWN.finding(city));
        }
    }

    private static void checkRow(SummaryTable.Row row, int index, List<Finding> findings) {
        String number = rowNumber(row, index);
        if (row.category() == null) {
            findings.add(rowFinding(FindingCode.SUMMARY_ROW_CATEGORY_MISSING, index, number));
        }
        requireCell(row.name(), FindingCode.SUMMARY_ROW_NAME_MISSING, index, number, findings);
        requireCell(row.definition(), FindingCode.SUMMARY_ROW_DEFINITION_MISSING, index, number, findings);
        requireCell(row.industry(), FindingCode.SUMMARY_ROW_INDUSTRY_MISSING, index, number, findings);
        requireCell(row.applicant(), FindingCode.SUMMARY_ROW_APPLICANT_MISSING, index, number, findings);
        requireCell(row.contact(), FindingCode.SUMMARY_ROW_CONTACT_MISSING, index, number, findings);
        if (row.cityReviewed() == null) {
            findings.add(rowFinding(FindingCode.SUMMARY_ROW_CITY_REVIEWED_MISSING, index, number));
        }
    }

    private int match(SummaryTable.Row row, List<Proposal> pool, boolean[] used, int submittedCount) {
        List<BiPredicate<SummaryTable.Row, Proposal>> rules =
                List.of(this::isSameNameAndApplicant, this::isSameName, this::isSimilarNameOfSameApplicant);
        for (int[] range : new int[][] {{0, submittedCount}, {submittedCount, pool.size()}}) {
            for (BiPredicate<SummaryTable.Row, Proposal> rule : rules) {
                for (int candidate = range[0]; candidate < range[1]; candidate++) {
                    if (!used[candidate] && rule.test(row, pool.get(candidate))) {
                        return candidate;
                    }
                }
            }
        }
        return -1;
    }

    private boolean isSameName(SummaryTable.Row row, Proposal proposal) {
        return matcher.isSameOccupation(row.name(), proposal.occupation().name());
    }

    private boolean isSameNameAndApplicant(SummaryTable.Row row, Proposal proposal) {
        return isSameName(row, proposal) && agrees(row.applicant(), proposal.applicant());
    }

    private boolean isSimilarNameOfSameApplicant(SummaryTable.Row row, Proposal proposal) {
        return !row.applicant().isBlank() && agrees(row.applicant(), proposal.applicant())
                && matcher.isSimilar(row.name(), proposal.occupation().name());
    }

    private static void compareRow(SummaryTable.Row row, int index, Proposal proposal, List<Finding> findings) {
        String number = rowNumber(row, index);
        Category rowCategory = row.category();
        Category category = proposal.category();
        if (rowCategory != null && category != null && rowCategory != category) {
            findings.add(rowFinding(FindingCode.SUMMARY_ROW_CATEGORY_MISMATCH, index, number,
                    rowCategory.label(), category.label()));
        }
        Proposal.Occupation occupation = proposal.occupation();
        compareCell(row.name(), occupation.name(), FindingCode.SUMMARY_ROW_NAME_MISMATCH, index, number, findings);
        if (!nameSet(row.alternativeNames()).equals(nameSet(occupation.alternativeNames()))) {
            findings.add(rowFinding(FindingCode.SUMMARY_ROW_ALTERNATIVE_NAMES_MISMATCH, index, number,
                    row.alternativeNames(), String.join("、", occupation.alternativeNames())));
        }
        compareCell(row.definition(), occupation.definition(), FindingCode.SUMMARY_ROW_DEFINITION_MISMATCH,
                index, number, findings);
        if (!agrees(row.related(), occupation.related())) {
            findings.add(rowFinding(FindingCode.SUMMARY_ROW_RELATED_MISMATCH, index, number,
                    row.related(), occupation.related()));
        }
        compareCell(row.industry(), occupation.industry(), FindingCode.SUMMARY_ROW_INDUSTRY_MISMATCH,
                index, number, findings);
        compareCell(row.applicant(), proposal.applicant(), FindingCode.SUMMARY_ROW_APPLICANT_MISMATCH,
                index, number, findings);
        compareContact(row, index, number, proposal.contact(), findings);
    }

    /** A blank cell is left to {@link #check}, which reports it missing. */
    private static void compareCell(
            String cell, String value, FindingCode code, int index, String number, List<Finding> findings) {
        if (!cell.isBlank() && !agrees(cell, value)) {
            findings.add(rowFinding(code, index, number, cell, value));
        }
    }

    private static void compareContact(
            SummaryTable.Row row, int index, String number, Proposal.Contact contact, List<Finding> findings) {
        if (!row.contact().isBlank() && !contactAgrees(row.contact(), contact)) {
            findings.add(rowFinding(FindingCode.SUMMARY_ROW_CONTACT_MISMATCH, index, number,
                    row.contact(), (contact.person() + " " + contact.phone()).strip()));
        }
    }

    static boolean contactAgrees(String cell, Proposal.Contact contact) {
        String person = NameKeys.contentKey(contact.person());
        if (!person.isEmpty() && !NameKeys.contentKey(cell).contains(person)) {
            return false;
        }
        String cellDigits = digits(cell);
        List<String> numbers = ContactFormat.phoneItems(contact.phone()).stream()
                .map(SummaryTableChecks::digits).filter(number -> number.length() >= 7).toList();
        return numbers.isEmpty() || numbers.stream().anyMatch(number -> cellDigits.contains(number)
                || cellDigits.contains(number.substring(number.length() - 7)));
    }

    private static boolean agrees(String cell, String value) {
        return NameKeys.contentKey(cell).equals(NameKeys.contentKey(value));
    }

    /** 备选名称 of a cell (1.A 2.B, A、B, ①A②B) or of a proposal, as a set of content keys. */
    static Set<String> nameSet(String cell) {
        String separated = NAME_NUMBERING.matcher(Normalizer.normalize(cell, Normalizer.Form.NFKC)).replaceAll("、");
        return nameSet(List.of(NAME_SEPARATORS.split(separated)));
    }

    private static Set<String> nameSet(List<String> names) {
        return names.stream().map(NameKeys::contentKey).filter(key -> !key.isEmpty()).collect(Collectors.toSet());
    }

    private static String digits(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\D", "");
    }

    private static void requireCell(String cell, FindingCode code, int index, String number, List<Finding> findings) {
        if (cell.isBlank()) {
            findings.add(rowFinding(code, index, number));
        }
    }

    private static Finding rowFinding(FindingCode code, int index, String number, Object... values) {
        Object[] all = new Object[values.length + 1];
        all[0] = number;
        System.arraycopy(values, 0, all, 1, values.length);
        return code.at(code.rowField(index), all);
    }

    /** The row's 序号 as written, or its position from 1 when the cell is blank. */
    private static String rowNumber(SummaryTable.Row row, int index) {
        return row.no().isBlank() ? String.valueOf(index + 1) : row.no().strip();
    }
}
