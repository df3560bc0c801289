package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"职业(工种)名称③", "职 业（工种）\n名称 ^③", "职业（工种）名称：", "职业(工种)名称[footnoteRef:3]",
        "职业名称", "职业（工种）名称¹"})
    void labelKeyIgnoresSpacesBracketsAndFootnoteMarkers(String written) {
        assertThat(FormText.labelKey(written)).isEqualTo("职业名称");
    }

    @ParameterizedTest
    @ValueSource(strings = {"五、产生背景（400字以内）", "产生背景(400字以内)", "产生背景"})
    void labelDropsSectionNumberAndLengthLimit(String written) {
        assertThat(FormText.label(written)).isEqualTo("产生背景");
    }

    @org.junit.jupiter.api.Test
    void labelDropsTheRegisteredSignThatConvertersMakeOfCircledEight() {
        assertThat(FormText.label("七、有关法律法规情况 [®]")).isEqualTo("有关法律法规情况[]");
        assertThat(FormText.label("七、有关法律法规情况®")).isEqualTo("有关法律法规情况");
    }

    @org.junit.jupiter.api.Test
    void valueKeepsInnerLineBreaksAndTrimsLines() {
        assertThat(FormText.value("  第一行 \r\n\u000B第二行\u0007  \n\n")).isEqualTo("第一行\n\n第二行");
    }
}
