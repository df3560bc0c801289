package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateMatcherTest {

    private final DuplicateMatcher matcher = new DuplicateMatcher();

    @Test
    void namesDifferingOnlyInBracketsSpacesAndWidthAreTheSame() {
        assertThat(matcher.isSameOccupation("军官（警官）", "军官(警官)")).isTrue();
        assertThat(matcher.isSameOccupation("数据 标注员", "数据标注员\n")).isTrue();
        assertThat(matcher.isSameOccupation("ＡＩ训练师", "ai训练师")).isTrue();
        assertThat(matcher.similarity("军官（警官）", "军官 (警官)")).isEqualTo(1.0);
    }

    @Test
    void renYuanEqualsYuan() {
        assertThat(matcher.isSameOccupation("大数据工程技术人员", "大数据工程技术员")).isTrue();
    }

    @Test
    void emptyNamesAreNeverTheSameNorSimilar() {
        assertThat(matcher.isSameOccupation("", " ")).isFalse();
        assertThat(matcher.isSimilar("", "")).isFalse();
        assertThat(matcher.similarity("", "电工")).isZero();
    }

    @Test
    void namesDifferingOnlyInTheRoleWordAreSimilar() {
        assertThat(matcher.similarity("数据标注员", "数据标注师")).isEqualTo(DuplicateMatcher.SAME_CORE_SCORE);
        assertThat(matcher.isSimilar("口腔修复技师", "口腔修复工")).isTrue();
        assertThat(matcher.isSameOccupation("数据标注员", "数据标注师")).isFalse();
    }

    @Test
    void nameWithOneCharacterChangedInEightIsSimilar() {
        assertThat(matcher.isSimilar("人工智能训练员", "人工智能训练师")).isTrue();
        assertThat(matcher.isSimilar("无人机测绘操控员", "无人机操控员")).isTrue();
    }

    @Test
    void differentTradesSharingAnEndingAreNotSimilar() {
        assertThat(matcher.isSimilar("电工", "焊工")).isFalse();
        assertThat(matcher.isSimilar("光伏运维员", "风电运维员")).isFalse();
        assertThat(matcher.isSimilar("人工智能工程技术人员", "物联网工程技术人员")).isFalse();
        assertThat(matcher.isSimilar("大数据工程技术人员", "云计算工程技术人员")).isFalse();
    }

    @Test
    void similarityIsSymmetric() {
        assertThat(matcher.similarity("无人机驾驶员", "无人机驾驶教员"))
                .isEqualTo(matcher.similarity("无人机驾驶教员", "无人机驾驶员"));
    }

    @Test
    void sameOccupationIsAlsoSimilar() {
        assertThat(matcher.isSimilar("网络主播", "网络 主播")).isTrue();
    }

    @Test
    void hugeNamesAreComparedWithinTheirFirstCharacters() {
        String huge = "调".repeat(1_000_000);

        assertThat(matcher.similarity(huge + "甲", huge + "乙")).isEqualTo(1.0);
    }
}
