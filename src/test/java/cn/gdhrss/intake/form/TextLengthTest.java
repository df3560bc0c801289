package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLengthTest {

    @Test
    void countsChineseCharactersLettersAndDigits() {
        assertThat(TextLength.visibleLength("人工智能AI训练师2名")).isEqualTo(11);
    }

    @Test
    void doesNotCountSpacesOrLineBreaks() {
        assertThat(TextLength.visibleLength(" 产生 背景\n\r\n\t的\u3000说明 ")).isEqualTo(7);
    }

    @Test
    void countsFullWidthAndHalfWidthPunctuation() {
        assertThat(TextLength.visibleLength("一、背景（概述）：好。ok,1.")).isEqualTo(16);
    }

    @Test
    void doesNotCountZeroWidthAndFormatCharacters() {
        assertThat(TextLength.visibleLength("\uFEFF发\u200B展\u00A0前景")).isEqualTo(4);
    }

    @Test
    void countsACharacterOutsideTheBasicPlaneOnce() {
        assertThat(TextLength.visibleLength("𠀀字😀")).isEqualTo(3);
    }

    @Test
    void emptyAndBlankTextsHaveNoLength() {
        assertThat(TextLength.visibleLength("")).isZero();
        assertThat(TextLength.visibleLength(" \n\u3000")).isZero();
    }
}
