package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.MessageRecord;
import java.util.List;

/**
 * A registered message with what the parse step found in it.
 *
 * @param submissionFindings findings about the mail as a whole, e.g. no Word form at all, only a
 *     PDF, only a cloud link
 */
public record Submission(
        MessageRecord message,
        List<AttachmentRecord> attachments,
        List<SubmittedForm> forms,
        List<Finding> submissionFindings) {

    public Submission {
        attachments = List.copyOf(attachments);
        forms = List.copyOf(forms);
        submissionFindings = List.copyOf(submissionFindings);
    }

    public List<SubmittedForm> proposals() {
        return forms.stream().filter(SubmittedForm::isProposal).toList();
    }

    public List<SubmittedForm> summaryTables() {
        return forms.stream().filter(SubmittedForm::isSummaryTable).toList();
    }

    /** A city bureau's batch: a summary table, or more than one proposal in one mail. */
    public boolean isBatch() {
        return !summaryTables().isEmpty() || proposals().size() > 1;
    }
}
