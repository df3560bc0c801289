package cn.gdhrss.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digit-by-digit Beijing time of long listings reads as the formatter's (issue 12). */
class TimesTest {

    @Test
    void secondsPrintAsTheFormatterPrintsTheInstant() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // 1900-2100, the years of Beijing's summer time (1986-1991) among them.
            long second = -2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L);
            assertEquals(Times.local(Instant.ofEpochSecond(second)), Times.local(second), "second " + second);
        }
        assertEquals("1988-04-17 03:00", Times.local(Instant.parse("1988-04-16T18:00:00Z").getEpochSecond()));
    }
}
