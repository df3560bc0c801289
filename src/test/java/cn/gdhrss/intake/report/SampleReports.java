package cn.gdhrss.intake.report;

import java.time.LocalDate;
import java.util.List;

/** Summaries written by the tests: Chinese text, a definition far longer than its column. */
final class SampleReports {

    static final String LONG_DEFINITION = "从事低空飞行器（含无人驾驶航空器）物流配送航线规划、飞行调度、载荷管理、起降场运维和安全监控的人员。"
            .repeat(4);

    private SampleReports() {}

    static SummaryLine line(String name, String city, String category, String section, String status) {
        return new SummaryLine(
                category,
                name,
                name + "员；" + name + "技术员",
                LONG_DEFINITION,
                "与“无人机驾驶员（4-99-00-00）”相近，区别在于本职业负责物流航线的整体运营。",
                "航空运输业",
                "广州市番禺区低空经济发展有限公司",
                "张三 020-12345678",
                SummaryLine.REVIEWED,
                city,
                "XZY-2026-0001",
                status,
                section);
    }

    /** Three lines of 广州市. */
    static SummaryReport guangzhou() {
        return new SummaryReport(
                "广州市",
                "李四（广州市人力资源和社会保障局职业能力建设处）020-83000000",
                LocalDate.of(2026, 8, 10),
                List.of(
                        line("低空物流调度员", "广州市", "新职业", "G 交通运输、仓储和邮政业", "已受理"),
                        line("智能网联汽车测试员", "广州市", "新工种", "M 科学研究和技术服务业", "已受理"),
                        line("数据标注质检员", "广州市", "调整变更职业（工种）信息", "", "待补正")));
    }
}
