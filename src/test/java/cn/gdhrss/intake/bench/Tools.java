package cn.gdhrss.intake.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Child processes timed from outside, with their peak RSS, and the figure lines the benchmarks print. */
final class Tools {
    private Tools() {}

    /** Wall seconds, the largest peak RSS (KiB) and the CPU seconds (user + system) of the processes of one figure. */
    record Run(double seconds, long peakKib, double cpuSeconds) {
        Run(double seconds, long peakKib) {
            this(seconds, peakKib, 0);
        }
    }

    interface Command {
        List<String> of(Path file) throws IOException;
    }

    /** The external programs a benchmark needs, checked before it starts: a missing one stops the run. */
    static void require(String... programs) {
        for (String program : programs) {
            if (!Files.isExecutable(Path.of(program)) && !onPath(program)) {
                throw new IllegalStateException("缺少对比所需的程序 " + program + "；请先安装（./run.sh bench 会自动安装 Debian 软件包 ripmime）。");
            }
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** {@code command} under {@code /usr/bin/time}: its wall time and peak RSS; a failure stops the benchmark. */
    /**
     * Writes out what the step before left in the page cache, untimed: a generated register, corpus or
     * message, or the files of the tool run before, is otherwise written by the kernel while the next
     * tool runs, and the disk and CPU that takes are charged to it (issue 12: the import into the
     * freshly generated 100,000-proposal register took 13.0 s of CPU in one run and 20.9 s in the next).
     */
    static void settleDisk() throws IOException, InterruptedException {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (sync.waitFor() != 0) {
            throw new IllegalStateException("sync exited with " + sync.exitValue());
        }
    }

    static Run time(List<String> command) throws IOException, InterruptedException {
        return time(command, 0);
    }

    /** As {@link #time(List)}, also accepting exit code {@code alsoOk} (status and todo exit 1 when there is work for staff). */
    static Run time(List<String> command, int alsoOk) throws IOException, InterruptedException {
        Path report = Files.createTempFile("bench-time", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", report.toString()));
        timed.addAll(command);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0 && exit != alsoOk) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        String[] fields = Files.readString(report, StandardCharsets.US_ASCII).strip().split("\\s+");
        int n = fields.length;
        return new Run(seconds, Long.parseLong(fields[n - 3]), Double.parseDouble(fields[n - 2]) + Double.parseDouble(fields[n - 1]));
    }

    static Run time(String... command) throws IOException, InterruptedException {
        return time(List.of(command));
    }

    /** One process per file, one after the other: total wall time, largest peak RSS. */
    static Run timeEach(List<Path> files, Command command) throws IOException, InterruptedException {
        double seconds = 0;
        double cpu = 0;
        long peak = 0;
        for (Path file : files) {
            Run run = time(command.of(file));
            seconds += run.seconds();
            cpu += run.cpuSeconds();
            peak = Math.max(peak, run.peakKib());
        }
        return new Run(seconds, peak, cpu);
    }

    /** This JVM's java and class path running {@code main}, with {@code jvm} options. */
    static List<String> java(List<String> jvm, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main);
        command.addAll(List.of(args));
        return command;
    }

    static void figure(PrintStream out, String bench, String what, Run run, int items) {
        out.printf(Locale.ROOT, "%s: %-62s %8.2f s (CPU %7.2f s)  %7.1f ms/item  peak RSS %5d MiB%n", bench, what, run.seconds(),
                run.cpuSeconds(), run.seconds() * 1000 / items, run.peakKib() >> 10);
    }

    static void ratio(PrintStream out, String bench, String what, double ratio, double target) {
        out.printf(Locale.ROOT, "%s: %-62s %8.2f×%s%n", bench, what, ratio,
                Double.isNaN(target) ? "" : ratio <= target ? "  target met" : "  target missed");
    }

    /** A ratio where more is better: "n× faster", with its target. */
    static void ratioAtLeast(PrintStream out, String bench, String what, double ratio, double target) {
        out.printf(Locale.ROOT, "%s: %-62s %8.2f×%s%n", bench, what, ratio, ratio >= target ? "  target met" : "  target missed");
    }

    /** Removes a benchmark's temporary directory: the registers and corpora take gigabytes. */
    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
