package cn.gdhrss.intake.bench;

import cn.gdhrss.intake.form.DuplicateMatcher;
import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.FormRepository;
import cn.gdhrss.intake.register.FormRepository.ProposalName;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Whole intake side by side with the anchors, on the same generated mails ({@link BenchCorpus}):
 * {@code cat > /dev/null} (the floor), ripmime (one process per mail, as a mail server's filter
 * would run it), then this project's {@code import} as a separate process (start-up included,
 * peak RSS from {@code /usr/bin/time}; through {@code ./run.sh} as staff run it, and once as a plain
 * {@code java -jar} with the JVM's defaults) into an empty register and into one of 100,000 proposals
 * (issue 12: at most 1.2x per mail). Then the same-name candidate lookup alone, scan against
 * index, on the 100,000-proposal register.
 */
final class ImportBenchmark implements Benchmarks.Benchmark {
    static final int LARGE_REGISTER = 100_000;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        int count = Integer.getInteger("bench.mails", 1000);
        Path dir = Files.createTempDirectory("bench-import");
        BenchCorpus.Written corpus = BenchCorpus.write(dir, count, 42);
        out.printf(Locale.ROOT, "import: corpus of %d mails, %.1f MB (seed 42)%n", count, corpus.mailBytes() / 1e6);

        Tools.settleDisk();
        Tools.Run floor = Tools.time("sh", "-c", "cat " + dir.resolve("mail") + "/*.eml > /dev/null");
        Tools.figure(out, "import", "cat > /dev/null (floor)", floor, count);
        Path ripOut = Files.createDirectories(dir.resolve("ripmime"));
        Tools.settleDisk();
        Tools.Run ripmime = Tools.timeEach(corpus.mails(), mail -> List.of("ripmime", "-i", mail.toString(), "-d",
                Files.createDirectories(ripOut.resolve(mail.getFileName().toString())).toString()));
        Tools.figure(out, "import", "ripmime, one process per mail", ripmime, count);

        Tools.settleDisk();
        Tools.Run plain = Tools.time(Tools.java(List.of("-Xmx512m"), "cn.gdhrss.intake.cli.Main", "import", dir.resolve("mail").toString(),
                "--data", dir.resolve("data-plain").toString()));
        Tools.figure(out, "import", "this project, plain java -jar (JVM defaults), empty register", plain, count);
        Tools.settleDisk();
        Tools.Run empty = importInto(dir.resolve("data-empty"), dir.resolve("mail"));
        Tools.figure(out, "import", "this project, ./run.sh import into an empty register", empty, count);
        Tools.ratio(out, "import", "this project / ripmime (target ≤ 2×)", empty.seconds() / ripmime.seconds(), 2.0);
        Tools.ratio(out, "import", "this project / cat", empty.seconds() / floor.seconds(), Double.NaN);

        // Names indexed, replies, events and findings written as a real register holds them (RegisterGenerator).
        Path large = RegisterGenerator.shared(out);
        Tools.settleDisk();
        Tools.Run full = importInto(large, dir.resolve("mail"));
        Tools.figure(out, "import", "this project, ./run.sh import into a register of 100,000 proposals", full, count);
        Tools.ratio(out, "import", "per mail, 100,000-proposal register / empty (target ≤ 1.2×)", full.seconds() / empty.seconds(), 1.2);
        lookups(out, large);
        Tools.deleteTree(dir);
    }

    /** The import as staff run it: through {@code ./run.sh}, with the JVM settings it gives a batch. */
    private static Tools.Run importInto(Path data, Path mail) throws Exception {
        return Tools.time(List.of("./run.sh", "import", mail.toString(), "--data", data.toString()));
    }

    /** Candidates of 200 names on the large register: the scan of before against the index. */
    private static void lookups(PrintStream out, Path data) {
        Random random = new Random(99);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            names.add(RegisterGenerator.name(random));
        }
        DuplicateMatcher matcher = new DuplicateMatcher();
        try (Database database = Database.open(data.resolve("register.db"))) {
            FormRepository forms = new FormRepository(database, Clock.systemUTC());
            forms.listProposalNamesNear(names.subList(0, 5), -1);
            long started = System.nanoTime();
            long scanned = 0;
            for (String name : names.subList(0, 20)) {
                for (ProposalName other : forms.listProposalNames(-1)) {
                    scanned += matcher.isSimilar(name, other.name()) ? 1 : 0;
                }
            }
            double scan = (System.nanoTime() - started) / 1e6 / 20;
            // Thread CPU as well as wall: on a loaded machine the wall figure was 3-7x the CPU one and
            // moved with the load alone (issue 12: 9.72 then 20.04 ms/name with no change to the lookup).
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            started = System.nanoTime();
            long near = 0;
            long candidates = 0;
            for (String name : names) {
                List<ProposalName> found = forms.listProposalNamesNear(List.of(name), -1);
                candidates += found.size();
                near += found.stream().filter(other -> matcher.isSimilar(name, other.name())).count();
            }
            double index = (System.nanoTime() - started) / 1e6 / names.size();
            double indexCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / names.size();
            long nearOfScanned = 0;
            for (String name : names.subList(0, 20)) {
                nearOfScanned += forms.listProposalNamesNear(List.of(name), -1).stream().filter(other -> matcher.isSimilar(name, other.name())).count();
            }
            if (nearOfScanned != scanned) {
                throw new IllegalStateException("index found " + nearOfScanned + " similar names, the scan " + scanned);
            }
            out.printf(Locale.ROOT, "import: same-name lookup on %,d proposals: scan %.1f ms/name (before), index %.2f ms/name"
                    + " (CPU %.2f ms/name; %.0f candidates, %.1f similar per name, the same as the scan's) = %.0f× faster%n",
                    LARGE_REGISTER, scan, index, indexCpu, (double) candidates / names.size(), (double) near / names.size(), scan / index);
        }
    }
}
