package cn.gdhrss.intake.bench;

import cn.gdhrss.intake.register.CasePlaceRepository;
import cn.gdhrss.intake.register.CaseRowRepository;
import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.SummaryRecordRepository;
import cn.gdhrss.intake.report.CaseAttribution;
import cn.gdhrss.intake.report.CityResolver;
import cn.gdhrss.intake.report.IndustrySections;
import cn.gdhrss.intake.report.PeriodSummaries;
import cn.gdhrss.intake.report.RegisterFiller;
import cn.gdhrss.intake.report.ReportingPeriods;
import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 5's speed goals on a register of 100,000 proposals: the province summary read from the
 * register and written to .xlsx (issue 5: 10 s, flat memory; issue 12: under 5 s), and a search (goal 50 ms).
 */
final class SummaryBenchmark implements Benchmarks.Benchmark {
    private static final int PROPOSALS = 100_000;
    private static final LocalDate PERIOD = LocalDate.of(2026, 8, 10);
    private static final String[] ADDRESSES = {"广州市天河区", "深圳市南山区", "佛山市顺德区", "东莞市松山湖", "珠海市香洲区", "汕头市"};

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("bench-summary");
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(dir.resolve("register.db"))) {
            long started = System.nanoTime();
            fill(database);
            CaseRowRepository caseRows = new CaseRowRepository(database);
            CityResolver cities = CityResolver.load(Path.of("reference"), Map.of());
            CaseAttribution attribution = new CaseAttribution(new CasePlaceRepository(database, clock), cities, ReportingPeriods.ofNotice());
            attribution.attributeNew();
            out.printf(Locale.ROOT, "summary: register of %d proposals filled and attributed in %.1f s%n", PROPOSALS, seconds(started));
            PeriodSummaries summaries = new PeriodSummaries(new SummaryRecordRepository(database), attribution, cities.cities(), IndustrySections.load(Path.of("reference")),
                    "省职业技能服务指导中心", clock);
            measureSummary(out, summaries, dir, "cold");
            measureSummary(out, summaries, dir, "warm");
            measureSearch(out, caseRows, "低空物流", 4);
            measureSearch(out, caseRows, "调度", 2);
        }
    }

    private static void fill(Database database) {
        RegisterFiller filler = new RegisterFiller(database);
        List<RegisterFiller.Submission> batch = new ArrayList<>();
        for (int index = 0; index < PROPOSALS; index++) {
            String name = (index % 97 == 0 ? "低空物流调度员" : "数字化运营师") + index;
            batch.add(new RegisterFiller.Submission("a" + (index % 1000) + "@qq.com", Instant.parse("2026-08-03T02:00:00Z"),
                    index % 3 == 0 ? "new_job_type" : "new_occupation", name, name + "（备选）",
                    "从事飞行器物流配送航线规划、飞行调度、载荷管理和安全监控的人员。第" + index + "号定义，负责起降场运维、飞行计划申报与应急处置。",
                    "航空运输业", "广州某科技发展有限公司" + (index % 500), ADDRESSES[index % ADDRESSES.length], "张三", "020-1234" + (index % 10_000),
                    List.of("规划配送航线", "监控飞行安全，处置应急情况")));
            if (batch.size() == 10_000) {
                filler.add(batch);
                batch.clear();
            }
        }
        filler.add(batch);
    }

    private static void measureSummary(PrintStream out, PeriodSummaries summaries, Path dir, String label)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = sampler(memory, peak);
        sampler.start();
        // CPU of the whole process beside wall (compiler and collector threads included): the wall
        // figure moved with the machine's load by more than the changes measured (issue 12).
        OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long cpu = system.getProcessCpuTime();
        long started = System.nanoTime();
        Path xlsx = dir.resolve("province-" + label + ".xlsx");
        int lines = summaries.writeWorkbook(PERIOD, null, xlsx);
        double total = seconds(started);
        double cpuSeconds = (system.getProcessCpuTime() - cpu) / 1e9;
        sampler.interrupt();
        sampler.join();
        out.printf(Locale.ROOT, "summary (%s): %d rows streamed from the register into the province .xlsx (%d MB), total %.2f s, CPU %.2f s"
                + " (issue 12 target < 5 s: %s); heap before %d MB, peak %d MB, max %d MB%n", label, lines, Files.size(xlsx) >> 20, total, cpuSeconds,
                total < 5 ? "met" : "missed", before >> 20, peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(xlsx);
    }

    private static void measureSearch(PrintStream out, CaseRowRepository caseRows, String text, int characters) {
        caseRows.search(text, 200);
        int runs = 20;
        long started = System.nanoTime();
        int hits = 0;
        for (int run = 0; run < runs; run++) {
            hits = caseRows.search(text, 200).size();
        }
        double millis = (System.nanoTime() - started) / 1e6 / runs;
        out.printf(Locale.ROOT, "search \"%s\" (%d characters%s): %d hits (limit 200) in %.1f ms on average over %d runs (goal 50 ms: %s)%n",
                text, characters, characters < 3 ? ", LIKE fallback" : ", trigram index", hits, millis, runs, millis <= 50 ? "met" : "MISSED");
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

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
