package cn.gdhrss.intake.register;

import java.time.LocalDate;

/**
 * The city and reporting period of a case, and what decided each ({@code citySource}: see
 * {@code CityDecision}'s SOURCE_ constants, or {@link #STAFF}; {@code periodSource}:
 * {@link #RECEIVED} or {@link #STAFF}).
 */
public record CasePlace(String reference, String city, String citySource, LocalDate period, String periodSource) {

    /** Set by staff with {@code run.sh assign}; never recomputed. */
    public static final String STAFF = "staff";
    /** The first deadline on or after the receipt of the case. */
    public static final String RECEIVED = "received";
}
