package cn.gdhrss.intake.register;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a case that one line of {@code list --cases} shows (table and CSV): a
 * {@link CaseListing} without what only --json, {@code show} and the console read, so a listing of
 * the whole register asks SQLite for less (issue 12). Fields mean what they mean in {@link CaseListing}.
 *
 * @param receivedSecond when the case's first message arrived, in seconds since 1970
 */
public record CaseLine(String reference, long receivedSecond, String city, @Nullable LocalDate period, String category,
        String name, String applicant, String status, int openErrors, List<ReviewRecord> reviews) {}
