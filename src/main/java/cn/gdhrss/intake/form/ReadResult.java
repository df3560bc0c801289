package cn.gdhrss.intake.form;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One file as read by {@link FormReader}.
 *
 * @param documentClass what the content is; a PDF of the proposal is {@code PROPOSAL} with a null
 *     {@code proposal}, because only the Word version is accepted as the form
 * @param proposal the form when the file is a readable Word proposal
 * @param summaryTable the table when the file is a readable Word or Excel summary table
 * @param text the plain text of the document, bounded, kept for staff ("" when nothing is readable)
 * @param findings findings about the file itself (not Word, encrypted, corrupt, macros); findings
 *     about the form's content live in {@code proposal.findings()} / {@code summaryTable.findings()}
 */
public record ReadResult(
        DocumentClass documentClass,
        @Nullable Proposal proposal,
        @Nullable SummaryTable summaryTable,
        String text,
        List<Finding> findings) {

    public ReadResult {
        findings = List.copyOf(findings);
    }

    /** True when the file was read as one of the two forms of the notice. */
    public boolean isForm() {
        return proposal != null || summaryTable != null;
    }

    /** File findings followed by the findings of the form read from it. */
    public List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>(findings);
        if (proposal != null) {
            all.addAll(proposal.findings());
        }
        if (summaryTable != null) {
            all.addAll(summaryTable.findings());
        }
        return List.copyOf(all);
    }

    /** The same result with the checks' findings appended to the form it holds (no-op without a form). */
    public ReadResult withFormFindings(List<Finding> more) {
        return new ReadResult(documentClass,
                proposal == null ? null : proposal.withFindings(more),
                summaryTable == null ? null : summaryTable.withFindings(more),
                text, findings);
    }
}
