package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.form.SummaryTable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One document of a submission as the parse step read it.
 *
 * @param attachmentSeq the {@code seq} of the attachment in the register
 * @param documentClass {@code proposal}, {@code summary_table}, {@code occupational_standard} or {@code other}
 * @param findings every finding about this document (reading and checks)
 */
public record SubmittedForm(
        int attachmentSeq,
        String fileName,
        String documentClass,
        @Nullable Proposal proposal,
        @Nullable SummaryTable summaryTable,
        List<Finding> findings) {

    public static final String PROPOSAL = "proposal";
    public static final String SUMMARY_TABLE = "summary_table";

    public SubmittedForm {
        findings = List.copyOf(findings);
    }

    public boolean isProposal() {
        return PROPOSAL.equals(documentClass) && proposal != null;
    }

    public boolean isSummaryTable() {
        return SUMMARY_TABLE.equals(documentClass) && summaryTable != null;
    }
}
