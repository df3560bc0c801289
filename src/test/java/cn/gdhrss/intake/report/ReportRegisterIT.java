package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gdhrss.intake.register.CaseFilter;
import cn.gdhrss.intake.register.CaseListingRepository;
import cn.gdhrss.intake.register.CasePlace;
import cn.gdhrss.intake.register.CasePlaceRepository;
import cn.gdhrss.intake.register.CaseRow;
import cn.gdhrss.intake.register.CaseRowRepository;
import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.register.ReviewRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cities, periods, reviews, list filters and search on a real register file. */
class ReportRegisterIT {
    static final Path REFERENCE = Path.of("reference");
    static final Instant AUGUST = Instant.parse("2026-08-03T02:00:00Z");

    @TempDir
    Path dir;

    Database database;
    CasePlaceRepository places;
    CaseRowRepository caseRows;
    ReviewRepository reviews;
    CaseListingRepository listings;
    RegisterFiller filler;
    CaseAttribution attribution;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void openRegister() {
        database = Database.open(dir.resolve("register.db"));
        places = new CasePlaceRepository(database, clock);
        caseRows = new CaseRowRepository(database);
        reviews = new ReviewRepository(database, clock);
        listings = new CaseListingRepository(database);
        filler = new RegisterFiller(database);
        CityResolver cities = CityResolver.load(REFERENCE, Map.of("gz.gov.cn", "广州市", "gdhrss.gov.cn", "省属"));
        attribution = new CaseAttribution(places, cities, ReportingPeriods.ofNotice());
    }

    @AfterEach
    void close() {
        database.close();
    }

    static RegisterFiller.Submission submission(String from, Instant at, String name, String address) {
        return new RegisterFiller.Submission(from, at, "new_occupation", name, name + "师", "从事" + name + "工作的人员。",
                "软件和信息技术服务业", "某某科技有限公司", address, "张三", "020-12345678", List.of("规划低空航线", "监控飞行安全"));
    }

    private String reference(long proposalId) {
        return "P-" + proposalId;
    }

    @Test
    void summaryTableTitleComesBeforeSenderAndAddress() {
        long id = filler.add(List.of(submission("rsj@gz.gov.cn", AUGUST, "数据标注员", "深圳市南山区科技园"))).get(0);
        filler.addSummaryTable(id, "佛山市", false);

        attribution.attributeNew();

        assertThat(places.findPlace(reference(id)).orElseThrow())
                .extracting(CasePlace::city, CasePlace::citySource).containsExactly("佛山市", CityDecision.SOURCE_SUMMARY_TABLE);
    }

    @Test
    void mappedSenderComesBeforeAddress() {
        long id = filler.add(List.of(submission("office@gdhrss.gov.cn", AUGUST, "数据标注员", "深圳市南山区科技园"))).get(0);

        attribution.attributeNew();

        assertThat(places.findPlace(reference(id)).orElseThrow().city()).isEqualTo("省属");
    }

    @Test
    void addressDecidesWhenSenderIsUnmapped() {
        long id = filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广东省东莞市松山湖"))).get(0);

        attribution.attributeNew();

        assertThat(places.findPlace(reference(id)).orElseThrow())
                .extracting(CasePlace::city, CasePlace::citySource).containsExactly("东莞市", CityDecision.SOURCE_ADDRESS);
    }

    @Test
    void noEvidenceLeavesCityUndecided() {
        RegisterFiller.Submission blank = new RegisterFiller.Submission("a@qq.com", AUGUST, "", "数据标注员", "", "", "", "某公司", "", "", "",
                List.of());
        long id = filler.add(List.of(blank)).get(0);

        attribution.attributeNew();

        assertThat(places.findPlace(reference(id)).orElseThrow().city()).isEqualTo(CityDecision.UNDECIDED);
    }

    @Test
    void staffCityOverrideIsAuditedAndSurvivesAttribution() {
        long id = filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广州市天河区"))).get(0);
        attribution.attributeNew();

        assertThat(places.assignCity(reference(id), "佛山市", "lihua")).isTrue();
        attribution.attributeNew();

        assertThat(places.findPlace(reference(id)).orElseThrow())
                .extracting(CasePlace::city, CasePlace::citySource).containsExactly("佛山市", CasePlace.STAFF);
        assertThat(listings.listAudit(reference(id))).singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("lihua"))
                .satisfies(event -> assertThat(event.detail()).contains("佛山市", "广州市"));
    }

    @Test
    void periodIsFirstDeadlineOnOrAfterBeijingDateOfReceipt() {
        // 15:30 UTC on the deadline is 23:30 in Beijing: still in time; 16:30 UTC is the next day.
        List<Long> ids = filler.add(List.of(
                submission("a@qq.com", Instant.parse("2026-08-10T15:30:00Z"), "数据标注员", "广州市"),
                submission("a@qq.com", Instant.parse("2026-08-10T16:30:00Z"), "碳排放管理员", "广州市"),
                submission("a@qq.com", Instant.parse("2027-01-05T02:00:00Z"), "无人机驾驶员", "广州市")));

        attribution.attributeNew();

        assertThat(ids).map(id -> places.findPlace(reference(id)).orElseThrow().period()).containsExactly(
                LocalDate.of(2026, 8, 10), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 5, 31));
    }

    @Test
    void staffMoveOfPeriodIsAuditedAndKept() {
        long id = filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广州市"))).get(0);
        attribution.attributeNew();

        places.assignPeriod(reference(id), LocalDate.of(2027, 5, 31), "lihua");

        assertThat(places.findPlace(reference(id)).orElseThrow())
                .extracting(CasePlace::period, CasePlace::periodSource).containsExactly(LocalDate.of(2027, 5, 31), CasePlace.STAFF);
        assertThat(listings.listAudit(reference(id))).singleElement()
                .satisfies(event -> assertThat(event.kind()).isEqualTo("period_set"));
    }

    @Test
    void assignmentOfUnplacedCaseIsRefused() {
        assertThat(places.assignCity("P-999", "佛山市", "lihua")).isFalse();
    }

    @Test
    void provincialReviewIsRecordedWithWhoWhenAndAudit() {
        long id = filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广州市"))).get(0);

        new ReviewOutcomes(caseRows, reviews, clock).record(reference(id), "province", "cultivate", "需补充就业人数", "wangwu");

        assertThat(reviews.listReviews(reference(id))).singleElement()
                .extracting(ReviewRecord::stage, ReviewRecord::result, ReviewRecord::reviewedBy, ReviewRecord::reviewedAt)
                .containsExactly("province", "cultivate", "wangwu", clock.instant());
        assertThat(listings.listAudit(reference(id))).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains("专项职业能力培育目录", "需补充就业人数"));
    }

    @Test
    void reviewOfUnknownCaseIsRefusedInChinese() {
        assertThatThrownBy(() -> new ReviewOutcomes(caseRows, reviews, clock).record("XZY-2026-9999", "city", "pass", "", "wangwu"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("没有编号为 XZY-2026-9999 的案件");
    }

    @Test
    void searchFindsTwoCharacterChineseWord() {
        filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广州市"), submission("a@qq.com", AUGUST, "碳排放管理员", "广州市")));

        assertThat(caseRows.search("标注", 10)).extracting(CaseRow::name).containsExactly("数据标注员");
    }

    @Test
    void searchFindsThreeCharacterWordInTasks() {
        filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广州市"), submission("a@qq.com", AUGUST, "碳排放管理员", "广州市")));

        assertThat(caseRows.search("低空航", 10)).hasSize(2);
        assertThat(caseRows.search("碳排放", 10)).extracting(CaseRow::name).containsExactly("碳排放管理员");
    }

    @Test
    void searchTreatsOperatorsAsText() {
        filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广州市")));

        assertThat(caseRows.search("\"OR* NEAR(", 10)).isEmpty();
        assertThat(caseRows.search("%", 10)).isEmpty();
    }

    @Test
    void filedCaseIsListedUnderItsReferenceWithItsLatestProposal() {
        List<Long> ids = filler.add(List.of(
                submission("a@qq.com", AUGUST, "数据标注员", "广州市"),
                submission("a@qq.com", Instant.parse("2026-09-01T02:00:00Z"), "数据标注师", "广州市")));
        filler.fileAsCase("XZY-2026-0001", ids);
        attribution.attributeNew();

        assertThat(caseRows.listCases(CaseFilter.none(), 10)).singleElement()
                .extracting(CaseRow::reference, CaseRow::name, CaseRow::period)
                .containsExactly("XZY-2026-0001", "数据标注师", LocalDate.of(2026, 8, 10));
    }

    @Test
    void reviewOfFiledCaseLandsInTheCaseTrail() {
        long id = filler.add(List.of(submission("a@qq.com", AUGUST, "数据标注员", "广州市"))).get(0);
        filler.fileAsCase("XZY-2026-0001", List.of(id));

        new ReviewOutcomes(caseRows, reviews, clock).record("XZY-2026-0001", "city", "pass", "", "wangwu");

        assertThat(new cn.gdhrss.intake.register.CaseRepository(database, clock).find("XZY-2026-0001")
                .map(found -> new cn.gdhrss.intake.register.CaseRepository(database, clock).listEvents(found.id())).orElseThrow())
                .anySatisfy(event -> assertThat(event.detail()).contains("地市初审", "wangwu"));
    }

    @Test
    void listFiltersByPeriodCityAndText() {
        filler.add(List.of(
                submission("a@qq.com", AUGUST, "数据标注员", "广州市"),
                submission("a@qq.com", AUGUST, "碳排放管理员", "佛山市"),
                submission("a@qq.com", Instant.parse("2026-10-01T02:00:00Z"), "无人机驾驶员", "广州市")));
        attribution.attributeNew();

        assertThat(caseRows.listCases(new CaseFilter(LocalDate.of(2026, 8, 10), "广州市", null, null, null, null), 100))
                .extracting(CaseRow::name).containsExactly("数据标注员");
        assertThat(caseRows.listCases(new CaseFilter(null, null, null, "new_occupation", "信息技术", "无人机"), 100))
                .extracting(CaseRow::name).containsExactly("无人机驾驶员");
        assertThat(caseRows.listCases(new CaseFilter(null, null, "complete", null, null, null), 100)).isEmpty();
    }
}
