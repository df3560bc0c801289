package cn.gdhrss.intake.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./run.sh bench [NAME...]}: the speed and memory figures the issues ask for, measured on
 * this machine, printed one line each. Without names every benchmark runs.
 */
public final class Benchmarks {
    private Benchmarks() {}

    interface Benchmark {
        String name();

        void run(PrintStream out) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Benchmark> all = new ArrayList<>(List.of(new QueryBenchmark(), new ImportBenchmark(), new LargeAttachmentBenchmark(), new ParseBenchmark(),
                new SummaryBenchmark(), new SearchBenchmark()));
        for (Benchmark benchmark : all) {
            if (args.length == 0 || List.of(args).contains(benchmark.name())) {
                out.println("== " + benchmark.name());
                benchmark.run(out);
            }
        }
    }
}
