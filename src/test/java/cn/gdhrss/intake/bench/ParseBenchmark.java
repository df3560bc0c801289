package cn.gdhrss.intake.bench;

import cn.gdhrss.intake.form.Catalogues;
import cn.gdhrss.intake.form.FormChecks;
import cn.gdhrss.intake.form.FormReader;
import cn.gdhrss.intake.form.ReadResult;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Parse throughput of .docx proposals into the structured, checked record, one thread and all
 * cores, warm, side by side with Apache Tika's plain-text extraction of the same files: in this JVM
 * (AutoDetectParser, warm) and, when {@code -Dbench.tikaApp=JAR} names a tika-app jar, its batch
 * mode as a separate process ({@code -t -i DIR -o DIR}, startup included).
 */
final class ParseBenchmark implements Benchmarks.Benchmark {
    private static final int FILES = 1000;
    /** Each producer's format of issue 13, read by its own path through the reader. */
    private static final List<Path> VARIANTS = List.of(
            Path.of("src/test/resources/forms/testDOC_filled_libreoffice.doc"),
            Path.of("src/test/resources/forms/variants/proposal_doc97-nested-tables-libreoffice.doc"),
            Path.of("src/test/resources/forms/variants/proposal_rtf-libreoffice.doc"),
            Path.of("src/test/resources/forms/variants/proposal_word2003xml-libreoffice.doc"),
            Path.of("src/test/resources/forms/variants/proposal_htm-utf8-libreoffice.doc"),
            Path.of("src/test/resources/forms/variants/proposal_mht-gb2312-qp-handedited.doc"),
            Path.of("src/test/resources/forms/variants/proposal_strict-ooxml-handedited.docx"));
    private static final int VARIANT_FILES = 200;
    private static final List<Path> SOURCES = List.of(
            Path.of("src/test/resources/forms/testDOCX_filled_libreoffice.docx"),
            Path.of("src/test/resources/forms/template-proposal.docx"));

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path input = Files.createTempDirectory("bench-parse");
        List<Path> files = new ArrayList<>();
        byte[] template = Files.readAllBytes(SOURCES.get(0));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < FILES; i++) {
            Path file = input.resolve(String.format(Locale.ROOT, "proposal-%04d.docx", i));
            // The filled form with a generated occupation and applicant, as BenchCorpus puts into the mails.
            Files.write(file, i % 10 == 9 ? Files.readAllBytes(SOURCES.get(1))
                    : BenchCorpus.formWith(template, RegisterGenerator.name(random), "广州" + RegisterGenerator.word(random) + "科技有限公司"));
            files.add(file);
        }
        Catalogues catalogues = Catalogues.load(Catalogues.DEFAULT_DIRECTORY);
        int cores = Runtime.getRuntime().availableProcessors();
        String tikaApp = System.getProperty("bench.tikaApp", "");
        if (tikaApp.isEmpty() || !Files.exists(Path.of(tikaApp))) {
            throw new IllegalStateException("缺少 Apache Tika 命令行程序（-Dbench.tikaApp=JAR）；请用 ./run.sh bench 运行，它会下载 tika-app。");
        }
        Tools.Run cat = Tools.time("sh", "-c", "cat " + input + "/*.docx > /dev/null");
        Tools.figure(out, "parse", "cat > /dev/null (floor)", cat, files.size());
        parseForms(files, catalogues, 1);
        double one = time(() -> parseForms(files, catalogues, 1));
        report(out, "forms (structured + checks), 1 thread", files.size(), one);
        double all = time(() -> parseForms(files, catalogues, cores));
        report(out, "forms (structured + checks), " + cores + " threads", files.size(), all);
        extractText(files, 1);
        double tikaOne = time(() -> extractText(files, 1));
        report(out, "Tika AutoDetectParser plain text, 1 thread", files.size(), tikaOne);
        double tikaAll = time(() -> extractText(files, cores));
        report(out, "Tika AutoDetectParser plain text, " + cores + " threads", files.size(), tikaAll);
        Path output = Files.createTempDirectory("bench-parse-tika-out");
        double batch = time(() -> runTikaApp(tikaApp, input, output, cores));
        report(out, "tika-app batch -t (separate JVM, startup included), " + cores + " consumers", files.size(), batch);
        Tools.ratioAtLeast(out, "parse", "forms / Tika in process, 1 thread each (target ≥ 5×)", tikaOne / one, 5.0);
        Tools.ratio(out, "parse", "forms / Tika in process, " + cores + " threads each", tikaAll / all, Double.NaN);
        Tools.ratio(out, "parse", "forms (" + cores + " threads) / tika-app batch", batch / all, Double.NaN);
        for (Path variant : VARIANTS) {
            variant(out, variant, catalogues);
        }
    }

    /** One producer's format, one thread, warm: forms/s beside Tika's plain text of the same file. */
    private static void variant(PrintStream out, Path source, Catalogues catalogues) throws Exception {
        Path input = Files.createTempDirectory("bench-parse-variant");
        String name = source.getFileName().toString();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < VARIANT_FILES; i++) {
            Path file = input.resolve(i + "-" + name);
            Files.copy(source, file);
            files.add(file);
        }
        for (int warm = 0; warm < 3; warm++) {
            parseForms(files, catalogues, 1);
        }
        double forms = files.size() / time(() -> parseForms(files, catalogues, 1));
        try {
            extractText(files, 1);
            double tika = files.size() / time(() -> extractText(files, 1));
            out.printf(Locale.ROOT, "parse: %-50s forms %7.1f/s, Tika plain text %7.1f/s = %5.1f×%n", name, forms, tika,
                    forms / tika);
        } catch (java.util.concurrent.ExecutionException tikaFailed) {
            // Tika's OOXML parser refuses Strict Open XML (POI bug 57699): there is nothing to compare.
            out.printf(Locale.ROOT, "parse: %-50s forms %7.1f/s, Tika cannot read it (%s)%n", name, forms,
                    tikaFailed.getCause().getClass().getSimpleName());
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static void report(PrintStream out, String what, int files, double seconds) {
        out.printf(Locale.ROOT, "parse: %-62s %5d files in %6.2f s = %7.1f files/s%n", what, files, seconds, files / seconds);
    }

    private static void parseForms(List<Path> files, Catalogues catalogues, int threads) throws Exception {
        AtomicInteger forms = new AtomicInteger();
        inParallel(files, threads, () -> {
            FormReader reader = new FormReader();
            FormChecks checks = new FormChecks(catalogues, Clock.systemDefaultZone());
            return file -> {
                ReadResult result = checks.check(reader.read(file, file.getFileName().toString()));
                if (result.proposal() != null) {
                    forms.incrementAndGet();
                }
            };
        });
        if (forms.get() != files.size()) {
            throw new IllegalStateException("only " + forms.get() + " of " + files.size() + " read as proposals");
        }
    }

    private static void extractText(List<Path> files, int threads) throws Exception {
        inParallel(files, threads, () -> {
            AutoDetectParser parser = new AutoDetectParser();
            return file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    parser.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
                }
            };
        });
    }

    private interface FileTask {
        void accept(Path file) throws Exception;
    }

    private interface TaskFactory {
        FileTask create();
    }

    private static void inParallel(List<Path> files, int threads, TaskFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int slice = (files.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<Path> mine = files.subList(Math.min(files.size(), t * slice), Math.min(files.size(), (t + 1) * slice));
                futures.add(pool.submit(() -> {
                    FileTask task = factory.create();
                    for (Path file : mine) {
                        task.accept(file);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void runTikaApp(String jar, Path input, Path output, int consumers) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar, "-t", "-numConsumers", String.valueOf(consumers),
                "-i", input.toString(), "-o", output.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("tika-app exited with " + process.exitValue());
        }
    }
}
