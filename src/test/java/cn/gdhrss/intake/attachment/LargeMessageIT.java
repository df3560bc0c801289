package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2: a message with a very large video is extracted with {@code -Xmx256m}. A 300 MB message
 * (a 225 MB MP4, base64-encoded) is generated on disk and extracted in a forked JVM with that heap.
 */
class LargeMessageIT {

    private static final long VIDEO_BYTES = 225L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void extractsThreeHundredMegabyteMessageWithSmallHeap() throws IOException, InterruptedException {
        Path message = writeMessage(temp.resolve("large.eml"));
        assertThat(Files.size(message)).isGreaterThan(300L * 1000 * 1000);

        Process probe = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LargeMessageProbe.class.getName(), message.toString(), temp.resolve("store").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(probe.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).as(output).anySatisfy(line -> assertThat(line)
                .startsWith("file 宣传视频.mp4 VIDEO OK " + (TinyMp4.of(60_000, 1920, 1080).length + VIDEO_BYTES + 8)));
        assertThat(lines).as(output).anySatisfy(line -> assertThat(line).contains("durationSeconds=60.0"));
    }

    /** multipart/mixed: a text part and an MP4 whose mdat box makes it {@link #VIDEO_BYTES} larger. */
    private static Path writeMessage(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: applicant@example.cn\r\nSubject: video\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n见附件视频\r\n--b1\r\n"
                    + "Content-Type: video/mp4\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=\"宣传视频.mp4\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            OutputStream base64 = Base64.getMimeEncoder().wrap(new NonClosing(out));
            base64.write(TinyMp4.of(60_000, 1920, 1080));
            base64.write(ByteBuffer.allocate(8).putInt((int) (VIDEO_BYTES + 8)).put("mdat".getBytes(StandardCharsets.US_ASCII)).array());
            byte[] chunk = new byte[1 << 20];
            for (long written = 0; written < VIDEO_BYTES; written += chunk.length) {
                base64.write(chunk);
            }
            base64.close();
            out.write("\r\n--b1--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
