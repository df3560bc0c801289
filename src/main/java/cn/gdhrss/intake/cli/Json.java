package cn.gdhrss.intake.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON printer of {@code --json}: pretty, UTF-8 text as is (no \\u escapes), java.time values
 * as ISO-8601 text (2026-12-31, 2026-06-01T02:00:00Z) so any record of the register prints, and
 * record components in snake_case like the keys of proposal-fields.md.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print JSON of " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
