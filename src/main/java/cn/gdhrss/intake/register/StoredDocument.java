package cn.gdhrss.intake.register;

import cn.gdhrss.intake.form.DocumentClass;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.form.SummaryTable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A document read from one attachment, as the register keeps it.
 *
 * @param findings file-level findings (not Word, encrypted...); the form's own are in the form
 * @param proposalId the register id of the proposal, null when the document is not one
 */
public record StoredDocument(
        long id,
        long messageRef,
        int attachmentSeq,
        String fileName,
        DocumentClass documentClass,
        @Nullable Proposal proposal,
        @Nullable Long proposalId,
        @Nullable SummaryTable summaryTable,
        List<Finding> findings) {

    public StoredDocument {
        findings = List.copyOf(findings);
    }
}
