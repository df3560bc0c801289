package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register's times must read as {@link Instant#parse} reads them, errors included. */
class CaseRowsTest {

    @Test
    void readsStoredTimesAsInstantParseDoes() {
        for (String text : List.of("2026-08-03T02:00:00Z", "2024-02-29T23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "1969-12-31T23:59:59Z", "2026-08-03T02:00:00.123Z", "2026-12-31T24:00:00Z", "2026-06-30T23:59:60Z")) {
            assertThat(CaseRows.instant(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void rejectsWhatInstantParseRejects() {
        for (String text : List.of("2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z", "2026-08-03T02:60:00Z",
                "2026-08-03T25:00:00Z", "2026-08-03 02:00:00Z", "2026-08-0３T02:00:00Z", "２026-08-03T02:00:00Z", "")) {
            Throwable expected = catchThrowable(() -> Instant.parse(text));
            assertThat(catchThrowable(() -> CaseRows.instant(text))).as(text)
                    .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
    }
}
