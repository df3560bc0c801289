package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalChecksTest {

    private static final Clock CLOCK = Clock.fixed(
            ProposalBuilder.TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));

    private final ProposalChecks checks = new ProposalChecks(TestCatalogues.get(), CLOCK);

    private List<Finding> check(ProposalBuilder builder) {
        return checks.check(builder.build());
    }

    private static Finding only(List<Finding> findings, FindingCode code) {
        List<Finding> matching = findings.stream().filter(finding -> finding.code().equals(code.name())).toList();
        assertThat(matching).as("findings %s", findings).hasSize(1);
        return matching.get(0);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void validProposalHasNoFinding() {
        assertThat(check(ProposalBuilder.valid())).isEmpty();
    }

    @Test
    void missingCategoryIsAnError() {
        Finding finding = only(check(ProposalBuilder.valid().category(null)), FindingCode.CATEGORY_MISSING);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.field()).isEqualTo("category");
        assertThat(finding.message()).contains("申报类别");
    }

    @Test
    void blankApplicantIsAnError() {
        Finding finding = only(check(ProposalBuilder.valid().applicant(" ")), FindingCode.APPLICANT_MISSING);

        assertThat(finding.field()).isEqualTo("applicant");
        assertThat(finding.isError()).isTrue();
    }

    @Test
    void missingNameDefinitionAndIndustryAreErrorsOnTheirFields() {
        List<Finding> findings = check(ProposalBuilder.valid().name("").definition("").industry(""));

        assertThat(findings).extracting(Finding::code, Finding::field, Finding::severity).contains(
                org.assertj.core.groups.Tuple.tuple("OCCUPATION_NAME_MISSING", "occupation.name", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("OCCUPATION_DEFINITION_MISSING", "occupation.definition", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("OCCUPATION_INDUSTRY_MISSING", "occupation.industry", Severity.ERROR));
    }

    @Test
    void tasksWithoutContentAreMissing() {
        List<Finding> findings = check(ProposalBuilder.valid().tasks(new Proposal.Task("1", "", "无人机", "")));

        assertThat(only(findings, FindingCode.TASKS_MISSING).field()).isEqualTo("tasks");
    }

    @Test
    void missingContactBoxesAreErrors() {
        List<Finding> findings = check(ProposalBuilder.valid().contact("", "", ""));

        assertThat(codes(findings)).contains("CONTACT_PERSON_MISSING", "CONTACT_PHONE_MISSING", "CONTACT_EMAIL_MISSING");
        assertThat(codes(findings)).doesNotContain("CONTACT_PHONE_INVALID", "CONTACT_EMAIL_INVALID");
    }

    @Test
    void changeNeedsNoSectionsThreeToEight() {
        ProposalBuilder change = ProposalBuilder.valid().category(Category.CHANGE).name("无人机驾驶员")
                .alternativeNames().withoutSectionsThreeToEight();

        assertThat(check(change)).isEmpty();
    }

    @Test
    void newOccupationWithEmptySectionsGetsOneWarningPerSection() {
        List<Finding> findings = check(ProposalBuilder.valid().withoutSectionsThreeToEight());

        assertThat(codes(findings)).containsExactly("REQUIREMENTS_EMPTY", "WORKFORCE_EMPTY", "ANALYSIS_EMPTY",
                "TRAINING_EMPTY", "LAWS_EMPTY", "ABROAD_EMPTY");
        assertThat(findings).allMatch(finding -> finding.severity() == Severity.WARNING);
        assertThat(findings.get(0).message()).contains("新职业");
    }

    @Test
    void backgroundOverFourHundredCharactersIsAnErrorWithTheCount() {
        String background = "字".repeat(523);
        List<Finding> findings = check(ProposalBuilder.valid()
                .analysis(new Proposal.Analysis(background, "作用", "技术", "前景")));

        Finding finding = only(findings, FindingCode.ANALYSIS_BACKGROUND_TOO_LONG);
        assertThat(finding.message()).isEqualTo("产生背景超过400字（现为523字）");
        assertThat(finding.field()).isEqualTo("analysis.background");
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void lengthLimitsCountVisibleCharactersOnly() {
        String prospects = "前".repeat(200) + " \n\u3000 ";

        assertThat(check(ProposalBuilder.valid().analysis(new Proposal.Analysis("背景", "作用", "技术", prospects))))
                .isEmpty();
    }

    @Test
    void eachAnalysisBoxHasItsOwnLimit() {
        List<Finding> findings = check(ProposalBuilder.valid().analysis(new Proposal.Analysis(
                "背".repeat(400), "作".repeat(301), "技".repeat(401), "前".repeat(201))));

        assertThat(codes(findings)).containsExactly(
                "ANALYSIS_ROLE_TOO_LONG", "ANALYSIS_TECHNOLOGY_TOO_LONG", "ANALYSIS_PROSPECTS_TOO_LONG");
        assertThat(findings.get(0).message()).isEqualTo("在经济社会发展中的作用超过300字（现为301字）");
    }

    @Test
    void nameWithoutAnOccupationEndingIsAWarning() {
        Finding finding = only(check(ProposalBuilder.valid().name("低空物流调度")),
                FindingCode.OCCUPATION_NAME_UNUSUAL_ENDING);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("低空物流调度");
    }

    @Test
    void alternativeNameWithoutAnOccupationEndingIsAWarningOnItsIndex() {
        Finding finding = only(check(ProposalBuilder.valid().alternativeNames("低空配送调度员", "低空调度平台")),
                FindingCode.OCCUPATION_ALTERNATIVE_NAME_UNUSUAL_ENDING);

        assertThat(finding.field()).isEqualTo("occupation.alternative_names[1]");
        assertThat(finding.message()).startsWith("备选名称2“低空调度平台”");
    }

    @Test
    void industryTypoIsAnErrorSuggestingTheRightName() {
        Finding finding = only(check(ProposalBuilder.valid().industry("软件开法")), FindingCode.OCCUPATION_INDUSTRY_UNKNOWN);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.field()).isEqualTo("occupation.industry");
        assertThat(finding.message()).contains("“软件开法”").contains("“软件开发”");
    }

    @Test
    void industryWithCodeAndOtherSpacingIsAccepted() {
        assertThat(check(ProposalBuilder.valid().industry("I 6513 应用软件开发"))).isEmpty();
        assertThat(check(ProposalBuilder.valid().industry("农林牧渔业"))).isEmpty();
        assertThat(check(ProposalBuilder.valid().industry("软件开发（651）"))).isEmpty();
    }

    @Test
    void severalIndustriesAreAcceptedWhenEachIsAName() {
        assertThat(check(ProposalBuilder.valid().industry("软件开发；互联网数据服务"))).isEmpty();
        assertThat(check(ProposalBuilder.valid().industry("软件开发、互联网数据服务"))).isEmpty();
    }

    @Test
    void unknownPartOfSeveralIndustriesIsNamed() {
        Finding finding = only(check(ProposalBuilder.valid().industry("软件开发；低空经济")),
                FindingCode.OCCUPATION_INDUSTRY_UNKNOWN);

        assertThat(finding.message()).contains("“低空经济”").doesNotContain("“软件开发；");
    }

    @Test
    void unknownRelatedCodeIsAWarningForStaff() {
        Finding finding = only(check(ProposalBuilder.valid().related("与某职业（9-99-99-98）相近", "9-99-99-98")),
                FindingCode.OCCUPATION_RELATED_CODE_UNKNOWN);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("9-99-99-98");
    }

    @Test
    void relatedCodeOfAnOccupationPublishedSince2022IsKnown() {
        ProposalBuilder builder = ProposalBuilder.valid().related("与网络主播（4-13-01-10）相近", "4-13-01-10");

        assertThat(check(builder)).isEmpty();
    }

    @Test
    void relatedCodesWrittenInTheTextAreCheckedEvenWhenTheReaderFoundNone() {
        Finding finding = only(check(ProposalBuilder.valid().related("与无人机驾驶员（4－02－04－06）、某职业（9-99-99-98）相近")),
                FindingCode.OCCUPATION_RELATED_CODE_UNKNOWN);

        assertThat(finding.message()).contains("9-99-99-98");
    }

    @Test
    void newOccupationNamingNoRelatedOccupationIsAWarning() {
        Finding finding = only(check(ProposalBuilder.valid().related("")), FindingCode.OCCUPATION_RELATED_MISSING);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.field()).isEqualTo("occupation.related");
    }

    @Test
    void relatedTextWithoutAnyCodeIsAWarning() {
        only(check(ProposalBuilder.valid().related("与无人机驾驶员相近，但负责调度")), FindingCode.OCCUPATION_RELATED_CODE_MISSING);
    }

    @Test
    void existingOccupationAsNewOccupationIsAnErrorWithItsCode() {
        Finding finding = only(check(ProposalBuilder.valid().name("人工智能训练师")), FindingCode.OCCUPATION_NAME_EXISTS);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.field()).isEqualTo("occupation.name");
        assertThat(finding.message()).contains("人工智能训练师").contains("4-04-05-05").contains("新职业");
    }

    @Test
    void existingNameIsFoundAcrossBracketsSpacesAndRenYuan() {
        Finding finding = only(check(ProposalBuilder.valid().name("人工智能 工程技术员")), FindingCode.OCCUPATION_NAME_EXISTS);

        assertThat(finding.message()).contains("人工智能工程技术人员").contains("2-02-38-01");
    }

    @Test
    void occupationPublishedAfter2022IsTaken() {
        Finding finding = only(check(ProposalBuilder.valid().name("网络主播")), FindingCode.OCCUPATION_NAME_EXISTS);

        assertThat(finding.message()).contains("4-13-01-10");
    }

    @Test
    void newWorkTypeNamedAsAPublishedWorkTypeIsTaken() {
        Finding finding = only(check(ProposalBuilder.valid().category(Category.NEW_JOB_TYPE).name("直播销售员")),
                FindingCode.OCCUPATION_NAME_EXISTS);

        assertThat(finding.message()).contains("新工种").contains("互联网营销师");
    }

    @Test
    void renamedOccupationIsTakenUnderItsNewName() {
        Finding finding = only(check(ProposalBuilder.valid().name("研学旅游指导师")), FindingCode.OCCUPATION_NAME_EXISTS);

        assertThat(finding.message()).contains("4-13-04-04");
    }

    @Test
    void existingAlternativeNameIsAnErrorOnItsIndex() {
        Finding finding = only(check(ProposalBuilder.valid().alternativeNames("无人机驾驶员")),
                FindingCode.OCCUPATION_ALTERNATIVE_NAME_EXISTS);

        assertThat(finding.field()).isEqualTo("occupation.alternative_names[0]");
        assertThat(finding.message()).contains("4-02-04-06");
    }

    @Test
    void closeNameIsAWarningNamingTheExistingOccupation() {
        Finding finding = only(check(ProposalBuilder.valid().name("人工智能训练员")), FindingCode.OCCUPATION_NAME_SIMILAR);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("人工智能训练师").contains("4-04-05-05");
    }

    @Test
    void changeOfAnOccupationThatDoesNotExistIsAWarning() {
        Finding finding = only(check(ProposalBuilder.valid().category(Category.CHANGE).related("")),
                FindingCode.OCCUPATION_NOT_FOUND);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("低空物流调度员");
    }

    @Test
    void changeOfAnExistingOccupationNeedsNoExistenceFinding() {
        assertThat(codes(check(ProposalBuilder.valid().category(Category.CHANGE).name("人工智能训练师"))))
                .doesNotContain("OCCUPATION_NOT_FOUND", "OCCUPATION_NAME_EXISTS");
    }

    @Test
    void changeUnderTheOld2022NameNotesTheRename() {
        Finding finding = only(check(ProposalBuilder.valid().category(Category.CHANGE).name("研学旅行指导师")),
                FindingCode.OCCUPATION_RENAMED);

        assertThat(finding.message()).contains("研学旅游指导师");
    }

    @Test
    void landlinesMobilesAndExtensionsAreValidPhones() {
        for (String phone : List.of("020-83305821", "0757-8888 8888", "(020)83305821", "13800138000",
                "+86 138 0013 8000", "+86-20-83305821", "020-83305821转123", "020-83305821-123",
                "020-83305821/13800138000", "手机：13800138000", "400-820-8820", "０２０－８３３０５８２１")) {
            assertThat(check(ProposalBuilder.valid().contact("张三", phone, "a@example.com"))).as(phone).isEmpty();
        }
    }

    @Test
    void phoneWithoutAreaCodeOrWithWrongDigitsIsAnError() {
        for (String phone : List.of("83305821", "1380013800", "23800138000", "12345", "电话待定")) {
            Finding finding = only(check(ProposalBuilder.valid().contact("张三", phone, "a@example.com")),
                    FindingCode.CONTACT_PHONE_INVALID);
            assertThat(finding.field()).as(phone).isEqualTo("contact.phone");
        }
    }

    @Test
    void fullWidthAtInEmailIsAnError() {
        Finding finding = only(check(ProposalBuilder.valid().contact("张三", "13800138000", "zhangsan＠example.com")),
                FindingCode.CONTACT_EMAIL_FULL_WIDTH);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("＠");
    }

    @Test
    void malformedEmailIsAnError() {
        for (String email : List.of("zhangsan", "zhangsan@", "zhang san@example", "a..b@example.com", "a@example.c")) {
            only(check(ProposalBuilder.valid().contact("张三", "13800138000", email)), FindingCode.CONTACT_EMAIL_INVALID);
        }
    }

    @Test
    void usualEmailsAreValid() {
        for (String email : List.of("jnzx_zzyfk@gd.gov.cn", "zhang.san+xzy@mail.example.com.cn", "12345@qq.com",
                "a@example.com; b@example.org")) {
            assertThat(check(ProposalBuilder.valid().contact("张三", "13800138000", email))).as(email).isEmpty();
        }
    }

    @Test
    void unreadableFilledDateIsAnError() {
        Finding finding = only(check(ProposalBuilder.valid().filledDate(null, "2026年13月")),
                FindingCode.FILLED_DATE_UNREADABLE);

        assertThat(finding.field()).isEqualTo("filled_date");
        assertThat(finding.message()).contains("2026年13月");
    }

    @Test
    void filledDateAfterTodayIsAnError() {
        Finding finding = only(check(ProposalBuilder.valid().filledDate(LocalDate.of(2026, 7, 2), "2026年7月2日")),
                FindingCode.FILLED_DATE_IN_FUTURE);

        assertThat(finding.isError()).isTrue();
    }

    @Test
    void filledDateOfTodayIsAccepted() {
        assertThat(check(ProposalBuilder.valid().filledDate(ProposalBuilder.TODAY, "2026年7月1日"))).isEmpty();
    }

    @Test
    void blankFilledDateIsAWarning() {
        assertThat(only(check(ProposalBuilder.valid().filledDate(null, "")), FindingCode.FILLED_DATE_MISSING).severity())
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void hugeNameIsCheckedWithoutExceptionAndQuotedShort() {
        String huge = "超长名称".repeat(100_000) + "员";

        List<Finding> findings = check(ProposalBuilder.valid().name(huge));

        assertThat(findings).allMatch(finding -> finding.message().length() < 400);
    }

    @Test
    void nameOfAGroupOfTheDadianIsAWarning() {
        Finding finding = only(check(ProposalBuilder.valid().name("机械工程技术人员")), FindingCode.OCCUPATION_NAME_IS_GROUP);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("小类").contains("2-02-07");
    }

    @Test
    void closeAlternativeNameIsAWarningOnItsIndex() {
        Finding finding = only(check(ProposalBuilder.valid().alternativeNames("低空配送调度员", "无人机驾驶师")),
                FindingCode.OCCUPATION_ALTERNATIVE_NAME_SIMILAR);

        assertThat(finding.field()).isEqualTo("occupation.alternative_names[1]");
        assertThat(finding.message()).contains("无人机驾驶员");
    }

    @Test
    void hostileIndustryAndPhoneTextsAreCheckedQuickly() {
        String brackets = "（".repeat(200_000);
        ProposalBuilder hostile = ProposalBuilder.valid().name(brackets + "员").industry(" ".repeat(200_000) + "I")
                .contact("张三", "0".repeat(200_000), "a@" + "b".repeat(200_000));

        long started = System.nanoTime();
        List<Finding> findings = check(hostile);

        assertThat(codes(findings)).contains("OCCUPATION_INDUSTRY_UNKNOWN", "CONTACT_PHONE_INVALID", "CONTACT_EMAIL_INVALID");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
