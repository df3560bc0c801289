package cn.gdhrss.intake.bench;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.intake.PassResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** {@code import} throughput: 1,000 generated messages with a small attachment each, into a fresh register. */
final class ImportBenchmark implements Benchmarks.Benchmark {
    private static final int MESSAGES = 1000;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("bench-import");
        Path mail = Files.createDirectories(dir.resolve("mail"));
        Random random = new Random(42);
        for (int i = 0; i < MESSAGES; i++) {
            Files.write(mail.resolve(String.format(Locale.ROOT, "%05d.eml", i)), message(i, random));
        }
        try (App app = new App(dir.resolve("data"), Settings.of(Map.of()), Clock.systemUTC())) {
            long started = System.nanoTime();
            PassResult result = app.intake().runOnce(new FileImportSource(List.of(mail)), done -> { }).orElseThrow();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "import: %d messages (%d new) in %.2f s = %.0f messages/s (archive, register, extract)%n",
                    MESSAGES, result.newCount(), seconds, MESSAGES / seconds);
        }
    }

    private static byte[] message(int i, Random random) {
        byte[] attachment = new byte[20_000];
        random.nextBytes(attachment);
        String base64 = Base64.getMimeEncoder().encodeToString(attachment);
        return ("""
                Message-ID: <bench-%d@example.cn>
                From: applicant%d@example.cn
                To: jnzx_zzyfk@gd.gov.cn
                Date: Mon, 3 Aug 2026 09:15:00 +0800
                Subject: =?UTF-8?B?5paw6IGM5Lia5bu66K6u5Lmm?= %d
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                申报材料见附件。
                --b
                Content-Type: application/octet-stream; name="=?UTF-8?B?5paw6IGM5Lia5bu66K6u5Lmm?=.bin"
                Content-Disposition: attachment; filename="=?UTF-8?B?5paw6IGM5Lia5bu66K6u5Lmm?=.bin"
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(i, i, i, base64)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
