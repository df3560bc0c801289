package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IndustrySectionsTest {

    private static final IndustrySections SECTIONS = IndustrySections.load(CityResolverTest.REFERENCE);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "农、林、牧、渔业 | A 农、林、牧、渔业",
        "制造业 | C 制造业",
        "航空运输业 | G 交通运输、仓储和邮政业",
        "软件开发 | I 信息传输、软件和信息技术服务业",
        "集成电路设计 | I 信息传输、软件和信息技术服务业",
        "职业技能培训 | P 教育",
        "智能无人飞行器制造 | C 制造业",
        "森林经营和管护 | A 农、林、牧、渔业",
        "互联网游戏服务 | I 信息传输、软件和信息技术服务业",
    })
    void mapsANameAtAnyLevelToItsSection(String industry, String section) {
        assertThat(SECTIONS.sectionOf(industry)).isEqualTo(section);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "I65 | I 信息传输、软件和信息技术服务业",
        "6520 | I 信息传输、软件和信息技术服务业",
        "M 科学研究和技术服务业（工程技术） | M 科学研究和技术服务业",
        "C | C 制造业",
    })
    void mapsACodeToItsSection(String industry, String section) {
        assertThat(SECTIONS.sectionOf(industry)).isEqualTo(section);
    }

    @Test
    void findsTheLongestNameInsideFreeText() {
        assertThat(SECTIONS.sectionOf("主要属于 互联网数据服务 领域，兼及教育")).isEqualTo("I 信息传输、软件和信息技术服务业");
    }

    @Test
    void acceptsHalfWidthBrackets() {
        assertThat(SECTIONS.sectionOf("其他农业(含设施)")).isEqualTo("A 农、林、牧、渔业");
    }

    @Test
    void doesNotReadAWordStartingWithALetterAsACode() {
        assertThat(SECTIONS.sectionOf("T恤设计")).isEmpty();
    }

    @Test
    void answersBlankForTextWithoutAnIndustry() {
        assertThat(SECTIONS.sectionOf("低空经济")).isEmpty();
        assertThat(SECTIONS.sectionOf("  ")).isEmpty();
    }
}
