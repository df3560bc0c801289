package cn.gdhrss.intake.attachment;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a forked JVM with a small heap by {@link LargeMessageIT}: extracts one message and prints
 * one line per file and the peak heap, so the test sees an OutOfMemoryError as a failed exit.
 */
final class LargeMessageProbe {

    private LargeMessageProbe() {}

    public static void main(String[] arguments) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Extraction extraction = new MessageExtractor(AttachmentLimits.defaults(), new FileStore(Path.of(arguments[1])))
                .extract(Path.of(arguments[0]));
        for (ExtractedFile file : extraction.files()) {
            out.println("file " + file.name() + " " + file.kind() + " " + file.status() + " " + file.size() + " " + file.media());
        }
        out.println("peak-heap-mb " + peakHeapBytes() / (1024 * 1024));
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
