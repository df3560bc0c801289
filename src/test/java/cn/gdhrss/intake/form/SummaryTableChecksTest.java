package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableChecksTest {

    private final SummaryTableChecks checks = new SummaryTableChecks(TestCatalogues.get());

    private static SummaryTable.Row rowOf(Proposal proposal, String no) {
        Proposal.Occupation occupation = proposal.occupation();
        return new SummaryTable.Row(no, proposal.category(), occupation.name(),
                String.join("、", occupation.alternativeNames()), occupation.definition(), occupation.related(),
                occupation.industry(), proposal.applicant(),
                proposal.contact().person() + " " + proposal.contact().phone(), true);
    }

    private static SummaryTable table(String city, SummaryTable.Row... rows) {
        return new SummaryTable(city, "李四 020-83305821", LocalDate.of(2026, 8, 1), "2026年8月1日", List.of(rows),
                List.of());
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    private static Finding only(List<Finding> findings, FindingCode code) {
        List<Finding> matching = findings.stream().filter(finding -> finding.code().equals(code.name())).toList();
        assertThat(matching).as("findings %s", findings).hasSize(1);
        return matching.get(0);
    }

    private static SummaryTable.Row withIndustry(SummaryTable.Row row, String industry) {
        return new SummaryTable.Row(row.no(), row.category(), row.name(), row.alternativeNames(), row.definition(),
                row.related(), industry, row.applicant(), row.contact(), row.cityReviewed());
    }

    @Test
    void completeTableOfAKnownCityHasNoFinding() {
        SummaryTable table = table("广州市", rowOf(ProposalBuilder.valid().build(), "1"));

        assertThat(checks.check(table)).isEmpty();
    }

    @Test
    void cityGivenAsShortNameOrWithinTitleWordsIsKnown() {
        SummaryTable.Row row = rowOf(ProposalBuilder.valid().build(), "1");

        assertThat(checks.check(table("佛山", row))).isEmpty();
        assertThat(checks.check(table("佛山地市", row))).isEmpty();
    }

    @Test
    void placeholderCityIsMissing() {
        Finding finding = only(checks.check(table("xx地市", rowOf(ProposalBuilder.valid().build(), "1"))),
                FindingCode.SUMMARY_CITY_MISSING);

        assertThat(finding.field()).isEqualTo("city");
        assertThat(finding.isError()).isTrue();
    }

    @Test
    void cityOutsideGuangdongIsAWarning() {
        Finding finding = only(checks.check(table("长沙市", rowOf(ProposalBuilder.valid().build(), "1"))),
                FindingCode.SUMMARY_CITY_UNKNOWN);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("长沙市");
    }

    @Test
    void tableWithoutRowsIsAnError() {
        assertThat(codes(checks.check(table("广州市")))).containsExactly("SUMMARY_ROWS_MISSING");
    }

    @Test
    void rowWithoutCategoryIsAnErrorNamingItsNumber() {
        SummaryTable.Row row = rowOf(ProposalBuilder.valid().category(null).build(), "3");

        Finding finding = only(checks.check(table("广州市", row)), FindingCode.SUMMARY_ROW_CATEGORY_MISSING);

        assertThat(finding.field()).isEqualTo("rows[0].category");
        assertThat(finding.message()).startsWith("汇总表序号3");
    }

    @Test
    void blankRequiredCellsAreErrorsAndBlankReviewAWarning() {
        SummaryTable.Row row = new SummaryTable.Row("", Category.NEW_OCCUPATION, "", "", "", "", "", "", "", null);

        List<Finding> findings = checks.check(table("广州市", row));

        assertThat(codes(findings)).containsExactly("SUMMARY_ROW_NAME_MISSING", "SUMMARY_ROW_DEFINITION_MISSING",
                "SUMMARY_ROW_INDUSTRY_MISSING", "SUMMARY_ROW_APPLICANT_MISSING", "SUMMARY_ROW_CONTACT_MISSING",
                "SUMMARY_ROW_CITY_REVIEWED_MISSING");
        assertThat(findings.get(0).message()).startsWith("汇总表序号1");
        assertThat(findings.get(5).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void rowAgreeingWithItsProposalHasNoFinding() {
        Proposal proposal = ProposalBuilder.valid().build();

        assertThat(checks.compare(table("广州市", rowOf(proposal, "1")), List.of(proposal))).isEmpty();
    }

    @Test
    void formattingDifferencesAreNoDisagreement() {
        Proposal proposal = ProposalBuilder.valid().alternativeNames("低空配送调度员", "低空运力调度员").build();
        SummaryTable.Row row = new SummaryTable.Row("1", Category.NEW_OCCUPATION, "低空物流 调度员",
                "1.低空配送调度员\n2.低空运力调度员", proposal.occupation().definition().replace("，", ", ") + "\n",
                proposal.occupation().related(), "多式联运 和 运输代理业", "广州市低空经济产业协会",
                "张三，电话：83305821", true);

        assertThat(checks.compare(table("广州市", row), List.of(proposal))).isEmpty();
    }

    @Test
    void disagreeingIndustryIsAnErrorNamingRowAndColumn() {
        Proposal proposal = ProposalBuilder.valid().build();
        SummaryTable.Row row = withIndustry(rowOf(proposal, "7"), "软件开发");

        Finding finding = only(checks.compare(table("广州市", row), List.of(proposal)),
                FindingCode.SUMMARY_ROW_INDUSTRY_MISMATCH);

        assertThat(finding.field()).isEqualTo("rows[0].industry");
        assertThat(finding.isError()).isTrue();
        assertThat(finding.message()).contains("序号7").contains("所属行业").contains("软件开发").contains("多式联运和运输代理业");
    }

    @Test
    void everyDisagreeingColumnIsReported() {
        Proposal proposal = ProposalBuilder.valid().build();
        SummaryTable.Row row = new SummaryTable.Row("1", Category.NEW_JOB_TYPE, "低空物流调度员", "低空运力调度员",
                "另一个定义。", "另一种关系", "软件开发", "广州市低空经济产业协会", "李四 13900139000", true);

        assertThat(codes(checks.compare(table("广州市", row), List.of(proposal)))).containsExactly(
                "SUMMARY_ROW_CATEGORY_MISMATCH", "SUMMARY_ROW_ALTERNATIVE_NAMES_MISMATCH",
                "SUMMARY_ROW_DEFINITION_MISMATCH", "SUMMARY_ROW_RELATED_MISMATCH", "SUMMARY_ROW_INDUSTRY_MISMATCH",
                "SUMMARY_ROW_CONTACT_MISMATCH");
    }

    @Test
    void rowWithSlightlyDifferentNameOfTheSameApplicantIsMatchedAndTheNameReported() {
        Proposal proposal = ProposalBuilder.valid().build();
        SummaryTable.Row exact = rowOf(proposal, "1");
        SummaryTable.Row row = new SummaryTable.Row("1", exact.category(), "低空物流调度师", exact.alternativeNames(),
                exact.definition(), exact.related(), exact.industry(), exact.applicant(), exact.contact(), true);

        List<Finding> findings = checks.compare(table("广州市", row), List.of(proposal));

        assertThat(codes(findings)).containsExactly("SUMMARY_ROW_NAME_MISMATCH");
    }

    @Test
    void rowWithoutProposalIsAnError() {
        Proposal proposal = ProposalBuilder.valid().build();
        SummaryTable.Row other = rowOf(ProposalBuilder.valid().name("储能电池回收工").applicant("某公司").build(), "2");

        List<Finding> findings = checks.compare(table("广州市", rowOf(proposal, "1"), other), List.of(proposal));

        Finding finding = only(findings, FindingCode.SUMMARY_ROW_WITHOUT_PROPOSAL);
        assertThat(finding.field()).isEqualTo("rows[1]");
        assertThat(finding.message()).contains("序号2").contains("储能电池回收工");
    }

    @Test
    void proposalMissingFromTheTableIsAnError() {
        Proposal listed = ProposalBuilder.valid().build();
        Proposal missing = ProposalBuilder.valid().name("储能电池回收工").applicant("某公司").build();

        Finding finding = only(checks.compare(table("广州市", rowOf(listed, "1")), List.of(listed, missing)),
                FindingCode.SUMMARY_PROPOSAL_MISSING_FROM_TABLE);

        assertThat(finding.message()).contains("储能电池回收工").contains("某公司");
    }

    @Test
    void rowFallsBackToARegisterProposalThatIsNotExpectedInTheTable() {
        Proposal submitted = ProposalBuilder.valid().build();
        Proposal registered = ProposalBuilder.valid().name("储能电池回收工").applicant("某公司").build();
        Proposal unrelated = ProposalBuilder.valid().name("宠物殡葬师").applicant("另一公司").build();
        SummaryTable table = table("广州市", rowOf(submitted, "1"), rowOf(registered, "2"));

        assertThat(checks.compare(table, List.of(submitted), List.of(unrelated, registered))).isEmpty();
    }

    @Test
    void sameSubmissionIsPreferredOverTheRegister() {
        Proposal submitted = ProposalBuilder.valid().build();
        Proposal olderVersion = ProposalBuilder.valid().definition("旧的定义。").build();

        List<Finding> findings = checks.compare(table("广州市", rowOf(submitted, "1")), List.of(submitted),
                List.of(olderVersion));

        assertThat(findings).isEmpty();
    }

    @Test
    void twoRowsOfTheSameNameFromDifferentApplicantsMatchTheirOwnProposals() {
        Proposal first = ProposalBuilder.valid().applicant("甲公司").build();
        Proposal second = ProposalBuilder.valid().applicant("乙公司").definition("乙的定义。").build();

        List<Finding> findings = checks.compare(table("广州市", rowOf(second, "1"), rowOf(first, "2")),
                List.of(first, second));

        assertThat(findings).isEmpty();
    }

    @Test
    void contactAgreesWithoutAreaCodeButNotWithAnotherPerson() {
        Proposal.Contact contact = new Proposal.Contact("", "张三", "020-83305821", "a@example.com");

        assertThat(SummaryTableChecks.contactAgrees("张三 8330 5821", contact)).isTrue();
        assertThat(SummaryTableChecks.contactAgrees("李四 020-83305821", contact)).isFalse();
        assertThat(SummaryTableChecks.contactAgrees("张三 13900139000", contact)).isFalse();
    }
}
