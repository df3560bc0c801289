package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CataloguesTest {

    private final Catalogues catalogues = TestCatalogues.get();

    /** A copy of the project's reference/ folder that a test may change, as staff would. */
    private static Path copyOfReference(Path target) throws IOException {
        try (Stream<Path> files = Files.list(Catalogues.DEFAULT_DIRECTORY)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    void loadsEveryLevelOfTheIndustryStandard() {
        assertThat(catalogues.listIndustries()).hasSize(1971);
        assertThat(catalogues.listIndustries().stream().filter(industry -> industry.level() == 1)).hasSize(20);
        assertThat(catalogues.listIndustries().stream().filter(industry -> industry.level() == 4)).hasSize(1381);
    }

    @Test
    void loadsThe2022OccupationsAndThePlaces() {
        assertThat(catalogues.listOccupations().stream().filter(occupation -> occupation.level() == 4)).hasSize(1639);
        assertThat(catalogues.listCities()).hasSize(21);
        assertThat(catalogues.listCounties()).hasSize(122);
    }

    @Test
    void findsAnIndustryNameOfAnyLevelIgnoringPunctuationAndCodes() {
        assertThat(catalogues.findIndustryNamed("制造业")).map(Catalogues.Industry::code).hasValue("C");
        assertThat(catalogues.findIndustryNamed("农林牧渔业")).map(Catalogues.Industry::code).hasValue("A");
        assertThat(catalogues.findIndustryNamed(" 应用软件 开发 ")).map(Catalogues.Industry::code).hasValue("6513");
        assertThat(catalogues.findIndustryNamed("I6513应用软件开发")).map(Catalogues.Industry::code).hasValue("6513");
        assertThat(catalogues.findIndustryNamed("飞机制造（3741）")).map(Catalogues.Industry::code).hasValue("3741");
    }

    @Test
    void unknownIndustryIsNotFound() {
        assertThat(catalogues.findIndustryNamed("低空经济")).isEmpty();
    }

    @Test
    void closestIndustriesOfATypoStartWithTheRightName() {
        assertThat(catalogues.listClosestIndustries("软件开法", 3)).first()
                .extracting(Catalogues.Industry::name).isEqualTo("软件开发");
        assertThat(catalogues.listClosestIndustries("互连网零售", 3)).extracting(Catalogues.Industry::name)
                .contains("互联网零售");
    }

    @Test
    void closestIndustriesAreDistinctByNameAndLimited() {
        List<Catalogues.Industry> closest = catalogues.listClosestIndustries("其他农业", 3);

        assertThat(closest).hasSize(3);
        assertThat(closest.stream().map(Catalogues.Industry::name).distinct()).hasSize(3);
    }

    @Test
    void industryCodeAloneSuggestsItsName() {
        assertThat(catalogues.listClosestIndustries("6513", 3)).first()
                .extracting(Catalogues.Industry::name).isEqualTo("应用软件开发");
    }

    @Test
    void everyOccupationOf2022IsFoundByItsNameWithItsCode() {
        for (Catalogues.Occupation occupation : catalogues.listOccupations()) {
            assertThat(catalogues.listOccupationsNamed(occupation.name()))
                    .as(occupation.name()).extracting(Catalogues.KnownOccupation::code).contains(occupation.code());
        }
    }

    @Test
    void everyPublishedOccupationAndWorkTypeNameHasAnOccupationEnding() {
        Stream<String> names = Stream.of(
                catalogues.listOccupations().stream().filter(occupation -> occupation.level() == 4)
                        .map(Catalogues.Occupation::name),
                catalogues.listNewOccupations().stream().map(Catalogues.NewOccupation::name),
                catalogues.listNewWorkTypes().stream().map(Catalogues.NewWorkType::name)).flatMap(stream -> stream);

        assertThat(names).allMatch(OccupationChecks::hasOccupationEnding);
    }

    @Test
    void groupNamesComeAfterOccupations() {
        List<Catalogues.KnownOccupation> named = catalogues.listOccupationsNamed("制药工程技术人员");

        assertThat(named).isNotEmpty();
        assertThat(named.get(0).isGroup()).isFalse();
    }

    @Test
    void newWorkTypeIsKnownWithItsParent() {
        assertThat(catalogues.listOccupationsNamed("直播销售员")).singleElement()
                .satisfies(known -> assertThat(known.kind()).isEqualTo("工种"))
                .satisfies(known -> assertThat(known.origin()).contains("互联网营销师"));
    }

    @Test
    void renamedOccupationIsKnownUnderBothNames() {
        assertThat(catalogues.listOccupationsNamed("劝募员")).extracting(Catalogues.KnownOccupation::code)
                .contains("3-01-01-05");
        assertThat(catalogues.listOccupationsNamed("劝募师")).extracting(Catalogues.KnownOccupation::code)
                .contains("3-01-01-05");
        assertThat(catalogues.findRename("3-01-01-05")).map(Catalogues.Rename::currentName).hasValue("劝募师");
    }

    @Test
    void knowsCodesOf2022OfPublishedOccupationsAndOfWorkTypesUnderThem() {
        assertThat(catalogues.isKnownOccupationCode("2-02-38-01")).isTrue();
        assertThat(catalogues.isKnownOccupationCode("4-13-01-10")).isTrue();
        assertThat(catalogues.isKnownOccupationCode("4-01-06-02-01")).isTrue();
        assertThat(catalogues.isKnownOccupationCode("9-99-99-98")).isFalse();
        assertThat(catalogues.isKnownOccupationCode("9-99-99-98-01")).isFalse();
    }

    @Test
    void similarOccupationsExcludeTheSameName() {
        List<Catalogues.SimilarOccupation> similar = catalogues.listSimilarOccupations("人工智能训练员", 3);

        assertThat(similar).extracting(found -> found.occupation().name()).contains("人工智能训练师");
        assertThat(catalogues.listSimilarOccupations("人工智能训练师", 3))
                .extracting(found -> found.occupation().name()).doesNotContain("人工智能训练师");
    }

    @Test
    void findsCitiesByNameShortNameCodeAndMention() {
        assertThat(catalogues.findCity("广州市")).map(Catalogues.City::code).hasValue("440100");
        assertThat(catalogues.findCity("广州")).map(Catalogues.City::code).hasValue("440100");
        assertThat(catalogues.findCity("440300")).map(Catalogues.City::name).hasValue("深圳市");
        assertThat(catalogues.findCityMentionedIn("新职业信息汇总表（顺德区）")).map(Catalogues.City::name).hasValue("佛山市");
        assertThat(catalogues.findCounty("天河区")).map(Catalogues.County::cityName).hasValue("广州市");
        assertThat(catalogues.findCity("长沙市")).isEmpty();
    }

    @Test
    void missingFolderIsACatalogueExceptionNamingIt(@TempDir Path directory) {
        Path missing = directory.resolve("nowhere");

        assertThatThrownBy(() -> Catalogues.load(missing))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("nowhere");
    }

    @Test
    void missingFileIsACatalogueExceptionNamingIt(@TempDir Path directory) throws IOException {
        Files.delete(copyOfReference(directory).resolve("new-work-types.csv"));

        assertThatThrownBy(() -> Catalogues.load(directory))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("new-work-types.csv");
    }

    @Test
    void missingColumnIsACatalogueExceptionNamingFileAndColumn(@TempDir Path directory) throws IOException {
        Files.writeString(copyOfReference(directory).resolve("guangdong-cities.csv"),
                "code,city\n440100,广州市\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Catalogues.load(directory)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("guangdong-cities.csv").hasMessageContaining("缺少 name 列");
    }

    @Test
    void fileReplacedByStaffIsReadWithoutRebuilding(@TempDir Path directory) throws IOException {
        Files.writeString(copyOfReference(directory).resolve("new-work-types.csv"),
                "batch_no,batch_date,kind,name,parent_occupation,parent_code_if_known,verification,source\n"
                        + "8,2026-05,工种,\"低空物流调度员\",无人机驾驶员,4-02-04-06,confirmed,staff\n",
                StandardCharsets.UTF_8);

        assertThat(Catalogues.load(directory).listOccupationsNamed("低空物流调度员")).isNotEmpty();
    }

    @Test
    void excelSavedFilesWithBomOrGb18030AndReorderedColumnsAreRead(@TempDir Path directory) throws IOException {
        copyOfReference(directory);
        Files.writeString(directory.resolve("guangdong-cities.csv"),
                "\uFEFFname,short_name,code\n广州市,广州,440100\n", StandardCharsets.UTF_8);
        Files.write(directory.resolve("occupation-renames-post2022.csv"),
                "name_osta_current,code,name_2022\r\n劝募师,3-01-01-05,劝募员\r\n".getBytes(Charset.forName("GB18030")));

        Catalogues loaded = Catalogues.load(directory);

        assertThat(loaded.findCity("广州")).map(Catalogues.City::code).hasValue("440100");
        assertThat(loaded.findRename("3-01-01-05")).map(Catalogues.Rename::currentName).hasValue("劝募师");
    }

    @Test
    void unterminatedQuoteIsACatalogueException(@TempDir Path directory) throws IOException {
        Files.writeString(copyOfReference(directory).resolve("guangdong-counties.csv"),
                "code,name,city_code,city_name\n440103,\"荔湾区,440100,广州市\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Catalogues.load(directory)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("guangdong-counties.csv").hasMessageContaining("未闭合的双引号");
    }
}
