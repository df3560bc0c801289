package cn.gdhrss.intake.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's speed goal: a summary of 100,000 proposals written to .xlsx in at most 10 s with flat
 * memory. Not a test: {@code run.sh bench} runs {@link #main} (args: line count, output directory).
 * Heap is sampled every 10 ms while writing; "flat" means the peak stays near the heap the lines
 * themselves take, whatever their number.
 */
public final class SummaryBench {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryBench.class);
    private static final long GOAL_MILLIS = 10_000;

    private SummaryBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("summary-bench");
        SummaryReport report = report(count);
        // The first run is a cold JVM, as `run.sh summary` is; the second is the long-running service.
        run(report, directory, "cold");
        run(report, directory, "warm");
    }

    private static void run(SummaryReport report, Path directory, String label) throws IOException, InterruptedException {
        int count = report.lines().size();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = sampler(memory, peak);
        sampler.start();
        Path xlsx = directory.resolve("bench-" + count + ".xlsx");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        new SummaryWorkbookWriter().write(report, xlsx);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // CPU time of the writing thread: what the write costs on a machine that others do not share.
        long cpuMillis = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        LOG.info("{}: summary of {} lines to {} ({} MB) in {} ms, {} ms CPU (goal {} ms: {}); heap with lines {} MB, peak while writing {} MB (+{} MB), max heap {} MB",
                label, count, xlsx, Files.size(xlsx) >> 20, millis, cpuMillis, GOAL_MILLIS, millis <= GOAL_MILLIS ? "met" : "MISSED",
                before >> 20, peak.get() >> 20, (peak.get() - before) >> 20, Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(xlsx);
    }

    private static Thread sampler(MemoryMXBean memory, AtomicLong peak) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    }

    private static SummaryReport report(int count) {
        String[] cities = {"广州市", "深圳市", "佛山市", "东莞市", "珠海市", "省属", "未确定"};
        String[] categories = {"新职业", "新工种", "调整变更职业（工种）信息"};
        String[] sections = {"I 信息传输、软件和信息技术服务业", "C 制造业", "M 科学研究和技术服务业", ""};
        List<SummaryLine> lines = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            String name = "低空物流调度员" + index;
            lines.add(new SummaryLine(
                    categories[index % categories.length], name, name + "（备选）",
                    "从事低空飞行器物流配送航线规划、飞行调度、载荷管理和安全监控的人员。第" + index + "号定义，"
                            + "负责起降场运维、飞行计划申报与应急处置，并对配送数据进行统计分析。",
                    "与无人机驾驶员（4-99-00-00）相近，区别在于本职业负责物流航线整体运营。",
                    "航空运输业", "广州低空经济发展有限公司" + (index % 500), "张三 020-1234" + (index % 10_000),
                    index % 3 == 0 ? SummaryLine.NOT_REVIEWED : SummaryLine.REVIEWED,
                    cities[index % cities.length], "XZY-2026-" + index, index % 5 == 0 ? "待补正" : "已受理",
                    sections[index % sections.length]));
        }
        return new SummaryReport("全省", "省职业技能服务指导中心 020-83305821", LocalDate.of(2026, 12, 31), lines);
    }
}
