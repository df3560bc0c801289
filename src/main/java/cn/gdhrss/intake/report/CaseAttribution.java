package cn.gdhrss.intake.report;

import cn.gdhrss.intake.register.CasePlace;
import cn.gdhrss.intake.register.PlaceEvidence;
import cn.gdhrss.intake.register.CasePlaceRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every case that has none a city (by {@link CityResolver}, in the order of issue 5) and a
 * reporting period (the first deadline on or after its receipt, judged on the Beijing date). Cases
 * already placed, by this class or by staff, are left as they are.
 */
public final class CaseAttribution {

    /** The office's calendar: a message received at 23:30 Beijing time on the deadline is in time. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final CasePlaceRepository places;
    private final CityResolver cities;
    private final ReportingPeriods periods;

    public CaseAttribution(CasePlaceRepository places, CityResolver cities, ReportingPeriods periods) {
        this.places = places;
        this.cities = cities;
        this.periods = periods;
    }

    /** Places every case that has no city and period yet; returns how many it placed. */
    public int attributeNew() {
        List<CasePlace> placed = new ArrayList<>();
        for (PlaceEvidence evidence : places.listUnplaced()) {
            placed.add(placeOf(evidence));
        }
        places.savePlaces(placed);
        return placed.size();
    }

    /** The period a case received at {@code receivedAt} belongs to: the first deadline on or after that Beijing date. */
    public LocalDate periodOfReceipt(java.time.Instant receivedAt) {
        return periods.periodOf(receivedAt.atZone(BEIJING).toLocalDate());
    }

    CasePlace placeOf(PlaceEvidence evidence) {
        CityDecision city = cities.resolve(evidence.summaryTableCity(), evidence.fromAddress(), evidence.contactAddress(), evidence.applicant());
        LocalDate received = evidence.receivedAt().atZone(BEIJING).toLocalDate();
        return new CasePlace(evidence.reference(), city.city(), city.source(), periods.periodOf(received), CasePlace.RECEIVED);
    }
}
