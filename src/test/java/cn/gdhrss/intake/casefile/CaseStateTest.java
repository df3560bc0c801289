package cn.gdhrss.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaseStateTest {

    @Test
    void parsesChineseNamesAndEnglishCodes() {
        assertThat(CaseState.parse("待补正")).isEqualTo(CaseState.NEEDS_CORRECTION);
        assertThat(CaseState.parse(" city_passed ")).isEqualTo(CaseState.CITY_PASSED);
        assertThat(CaseState.parse("COMPLETE")).isEqualTo(CaseState.COMPLETE);
        assertThat(CaseState.parse("纳入专项职业能力培育目录")).isEqualTo(CaseState.PROVINCE_CULTIVATE);
        assertThat(CaseState.parse("已受理")).isEqualTo(CaseState.RECEIVED);
    }

    @Test
    void unknownStateIsOneChineseSentenceListingTheValidOnes() {
        assertThatThrownBy(() -> CaseState.parse("done"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("案件状态应为 已收到（received）、待补正（needs_correction）、材料齐全（complete）、地市初审通过（city_passed）、"
                        + "地市初审未通过（city_failed）、省级论证通过（上报国家）（province_passed）、纳入专项职业能力培育目录（province_cultivate）、"
                        + "省级论证未通过（province_failed）、已合并（merged）、已撤回（withdrawn）、重复（duplicate）、非申报（not_submission）"
                        + " 之一，不是“done”。");
    }

    @Test
    void namesStoredCodesAndShowsUnknownOnesAsTheyAre() {
        assertThat(CaseState.labelOf("received")).isEqualTo("已收到");
        assertThat(CaseState.labelOf("province_passed")).isEqualTo("省级论证通过（上报国家）");
        assertThat(CaseState.labelOf("odd")).isEqualTo("odd");
    }
}
