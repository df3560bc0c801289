package cn.gdhrss.intake.form;

import java.time.Clock;

/** The per-form checks applied to whatever a reading found: a proposal's or a summary table's. */
public final class FormChecks {
    private final ProposalChecks proposalChecks;
    private final SummaryTableChecks summaryTableChecks;

    public FormChecks(Catalogues catalogues, Clock clock) {
        this.proposalChecks = new ProposalChecks(catalogues, clock);
        this.summaryTableChecks = new SummaryTableChecks(catalogues);
    }

    /** The reading with the checks' findings added to its form; a non-form reading comes back as it is. */
    public ReadResult check(ReadResult result) {
        if (result.proposal() != null) {
            return result.withFormFindings(proposalChecks.check(result.proposal()));
        }
        if (result.summaryTable() != null) {
            return result.withFormFindings(summaryTableChecks.check(result.summaryTable()));
        }
        return result;
    }

    public SummaryTableChecks summaryTableChecks() {
        return summaryTableChecks;
    }
}
