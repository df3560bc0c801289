package cn.gdhrss.intake.register;

import java.time.Clock;

/**
 * The register's side of staff work on cases (issue 8), one repository a responsibility: reading,
 * searching, staff actions, places and what {@code todo} weighs.
 */
public record CaseWorkRepositories(CaseListingRepository listings, CaseSearchRepository search, StaffActionRepository actions,
        CasePlaceRepository places, TodoRepository todo) {

    public CaseWorkRepositories(Database database, Clock clock) {
        this(new CaseListingRepository(database), new CaseSearchRepository(database), new StaffActionRepository(database, clock),
                new CasePlaceRepository(database, clock), new TodoRepository(database));
    }
}
