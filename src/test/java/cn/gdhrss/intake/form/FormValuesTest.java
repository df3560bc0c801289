package cn.gdhrss.intake.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026年7月1日", "2026-07-01", "2026.7.1", "2026/7/1", "２０２６年７月１日", "2026 年 7 月 1 日",
        "_2026_年_7_月_1_日"})
    void readsEveryWrittenDateFormat(String text) {
        assertThat(FormValues.date(text)).contains(LocalDate.of(2026, 7, 1));
    }

    @Test
    void impossibleDateIsUnreadable() {
        assertThat(FormValues.date("2026年2月30日")).isEmpty();
        assertThat(FormValues.date("七月一日")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_____年__月__日", "", "  ", "年 月 日", "＿＿年＿月＿日"})
    void templateBlanksAreABlankDate(String text) {
        assertThat(FormValues.isBlankDate(text)).isTrue();
    }

    @Test
    void countUnderstandsWanAndThousandsSeparators() {
        assertThat(FormValues.count("约12.5万人")).isEqualTo(125_000L);
        assertThat(FormValues.count("全国约125,000人")).isEqualTo(125_000L);
        assertThat(FormValues.count("3亿")).isEqualTo(300_000_000L);
        assertThat(FormValues.count("暂无统计")).isNull();
    }

    @Test
    void codesFindOccupationAndJobTypeCodesOnce() {
        assertThat(FormValues.codes("与4-02-05-04（无人机驾驶员）及4-02-05-04-01、２-０２-１０-１３有关；4-02-05-04"))
                .containsExactly("4-02-05-04", "4-02-05-04-01", "2-02-10-13");
        assertThat(FormValues.codes("电话020-8330-5821")).isEmpty();
    }

    @Test
    void itemsSplitNumberedEntriesAndDropTemplatePlaceholders() {
        assertThat(FormValues.items(List.of("1. 2. 3. 4. 5. 6. 7. 8. ..."))).isEmpty();
        assertThat(FormValues.items(List.of("1.检查飞行器 2、维修电机\n(3)更新固件", "3.5GHz 天线调试")))
                .containsExactly("检查飞行器", "维修电机", "更新固件", "3.5GHz 天线调试");
    }
}
