package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnsynchronizedUtf8WriterTest {

    @Test
    void writesTheSameBytesAsTheJdkEncoderWhateverThePieces() throws IOException {
        String text = "低空飞行器运维员 <A&B> é 𠮷野家 😀 " + "数据标注".repeat(20_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (UnsynchronizedUtf8Writer writer = new UnsynchronizedUtf8Writer(bytes)) {
            int at = 0;
            int step = 1;
            while (at < text.length()) {
                int end = Math.min(text.length(), at + step);
                if (step % 3 == 0) {
                    writer.write(text.charAt(at));
                    end = at + 1;
                } else if (step % 3 == 1) {
                    writer.write(text, at, end - at);
                } else {
                    writer.write(text.toCharArray(), at, end - at);
                }
                at = end;
                step = step % 7 + 1; // pieces of 1..7 characters split surrogate pairs too
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(bytes.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
}
