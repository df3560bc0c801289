package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.report.SummaryStatistics.Count;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryStatisticsTest {

    static final List<SummaryLine> KNOWN_SET = List.of(
            SampleReports.line("甲员", "广州市", "新职业", "I 信息传输、软件和信息技术服务业", "已受理"),
            SampleReports.line("乙员", "深圳市", "新职业", "I 信息传输、软件和信息技术服务业", "已受理"),
            SampleReports.line("丙员", "深圳市", "新工种", "C 制造业", "待补正"),
            SampleReports.line("丁员", "深圳市", "新职业", "", "论证通过"),
            SampleReports.line("戊员", "", "调整变更职业（工种）信息", "C 制造业", "已受理"));

    private final SummaryStatistics statistics = SummaryStatistics.of(KNOWN_SET);

    @Test
    void countsByCityLargestFirstWithBlankCityNamed() {
        assertThat(statistics.total()).isEqualTo(5);
        assertThat(statistics.byCity()).containsExactly(
                new Count("深圳市", 3), new Count("广州市", 1), new Count("未填写", 1));
    }

    @Test
    void countsByCategory() {
        assertThat(statistics.byCategory()).containsExactly(
                new Count("新职业", 3), new Count("新工种", 1), new Count("调整变更职业（工种）信息", 1));
    }

    @Test
    void countsBySectionWithUnknownSectionNamed() {
        assertThat(statistics.bySection()).containsExactly(
                new Count("C 制造业", 2), new Count("I 信息传输、软件和信息技术服务业", 2), new Count("未能识别门类", 1));
    }

    @Test
    void countsByStatus() {
        assertThat(statistics.byStatus()).containsExactly(
                new Count("已受理", 3), new Count("待补正", 1), new Count("论证通过", 1));
    }
}
