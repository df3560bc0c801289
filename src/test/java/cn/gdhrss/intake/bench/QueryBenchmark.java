package cn.gdhrss.intake.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Staff's query commands on a register of 100,000 proposals (issue 12: under 1 s wall each),
 * whole process, median of 3: through {@code ./run.sh} (class-data archive, quick compiler, serial
 * collector) and, side by side, as a plain {@code java -jar} start without them.
 */
final class QueryBenchmark implements Benchmarks.Benchmark {
    private static final List<List<String>> COMMANDS = List.of(List.of("status"), List.of("show", "XZY-2026-0500"), List.of("show", "500"),
            List.of("search", "数据标注"), List.of("list", "--cases", "--limit", "100"), List.of("list", "--limit", "100"),
            List.of("todo"), List.of("list", "--cases"), List.of("list"));

    @Override
    public String name() {
        return "query";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path dir = RegisterGenerator.shared(out);
        Tools.time(List.of("./run.sh", "status", "--data", dir.toString()), 1);
        for (List<String> command : COMMANDS) {
            List<String> viaRunSh = new ArrayList<>(List.of("./run.sh"));
            viaRunSh.addAll(command);
            viaRunSh.addAll(List.of("--data", dir.toString()));
            List<String> plain = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dfile.encoding=UTF-8", "-jar", "target/xzy-intake.jar"));
            plain.addAll(command);
            plain.addAll(List.of("--data", dir.toString()));
            double[] fast = medianOf3(viaRunSh);
            double[] slow = medianOf3(plain);
            out.printf(Locale.ROOT, "query: %-32s ./run.sh %5.2f s (CPU %5.2f s)   plain java -jar %5.2f s (CPU %5.2f s)   %s%n",
                    String.join(" ", command), fast[0], fast[1], slow[0], slow[1], fast[0] < 1 ? "target met (< 1 s)" : "target missed (< 1 s)");
        }
    }

    /** Median wall and median user+system CPU seconds of three runs. */
    private static double[] medianOf3(List<String> command) throws Exception {
        double[] wall = new double[3];
        double[] cpu = new double[3];
        for (int i = 0; i < 3; i++) {
            Tools.Run run = Tools.time(command, 1);
            wall[i] = run.seconds();
            cpu[i] = run.cpuSeconds();
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[1], cpu[1]};
    }
}
