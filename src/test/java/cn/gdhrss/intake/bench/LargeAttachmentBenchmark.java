package cn.gdhrss.intake.bench;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.intake.PassResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message with a 1 GiB video ingested by a child JVM limited to {@code -Xmx256m}: the child
 * reports its peak heap (sum of heap pool peaks) and peak RSS (VmHWM).
 */
final class LargeAttachmentBenchmark implements Benchmarks.Benchmark {
    private static final long ATTACHMENT_BYTES = 1L << 30;

    @Override
    public String name() {
        return "large-attachment";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("bench-large");
        Path message = dir.resolve("video.eml");
        writeMessage(message);
        Tools.settleDisk();
        Tools.Run cat = Tools.time("sh", "-c", "cat " + message + " > /dev/null");
        Tools.figure(out, "large-attachment", "cat > /dev/null (floor)", cat, 1);
        Tools.Run ripmime = Tools.time("ripmime", "-i", message.toString(), "-d", Files.createDirectories(dir.resolve("ripmime")).toString());
        Tools.figure(out, "large-attachment", "ripmime", ripmime, 1);
        Tools.settleDisk();
        Tools.Run project = Tools.time(Tools.java(List.of("-Xmx256m"), LargeAttachmentBenchmark.class.getName(), message.toString(),
                dir.resolve("data").toString()));
        Tools.figure(out, "large-attachment", "this project (import, -Xmx256m, start-up included)", project, 1);
        Tools.ratio(out, "large-attachment", "this project / ripmime (target ≤ 1.5×)", project.seconds() / ripmime.seconds(), 1.5);
        out.printf(Locale.ROOT, "large-attachment: message of %d MiB on disk; peak RSS %d MiB (target < 256 MiB: %s)%n",
                Files.size(message) >> 20, project.peakKib() >> 10, project.peakKib() >> 10 < 256 ? "met" : "missed");
        Tools.deleteTree(dir);
    }

    /** The child: import one message, then print the memory it took. */
    public static void main(String[] args) throws IOException {
        try (App app = new App(Path.of(args[1]), Settings.of(Map.of()), Clock.systemUTC())) {
            PassResult result = app.intake().runOnce(new FileImportSource(List.of(Path.of(args[0]))), done -> { }).orElseThrow();
            var attachments = app.messages().listAttachments(app.messages().list(1).get(0).id());
            long peakHeap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakHeap += pool.getPeakUsage().getUsed();
                }
            }
            String rss = Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII).stream()
                    .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?");
            System.out.printf(Locale.ROOT, "large-attachment: new %d, status %s, attachments %s; peak heap %d MiB (-Xmx256m), peak RSS %s%n",
                    result.newCount(), app.messages().list(1).get(0).status(),
                    attachments.stream().map(a -> a.name() + " " + (a.size() >> 20) + " MiB " + a.kind() + " " + a.status()).toList(),
                    peakHeap >> 20, rss.replace("VmHWM:", "").trim());
        }
    }

    private static void writeMessage(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("""
                    Message-ID: <large-video@example.cn>
                    From: applicant@example.cn
                    To: jnzx_zzyfk@gd.gov.cn
                    Date: Mon, 3 Aug 2026 09:15:00 +0800
                    Subject: =?UTF-8?B?55+t6KeG6aKR?=
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="b"

                    --b
                    Content-Type: text/plain; charset=utf-8

                    见附件视频。
                    --b
                    Content-Type: video/mp4; name="=?UTF-8?B?5bel5L2c6KeG6aKR?=.mp4"
                    Content-Disposition: attachment; filename="=?UTF-8?B?5bel5L2c6KeG6aKR?=.mp4"
                    Content-Transfer-Encoding: base64

                    """).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[57 * 1024];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + 7);
            }
            Base64.Encoder encoder = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < ATTACHMENT_BYTES; written += chunk.length) {
                int length = (int) Math.min(chunk.length, ATTACHMENT_BYTES - written);
                byte[] part = length == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, length);
                out.write(encoder.encode(part));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
