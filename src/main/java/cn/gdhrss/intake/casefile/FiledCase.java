package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.CaseRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One case a submission was filed into.
 *
 * @param caseRecord the case as it is after filing (status updated)
 * @param form the proposal filed into this case, null for a mail with no usable proposal
 * @param findings the findings of this version: its proposal's, and the mail's own for a case without one
 * @param resubmission true when the case existed before (a correction), false for a new case
 */
public record FiledCase(
        CaseRecord caseRecord, int version, @Nullable SubmittedForm form, List<Finding> findings, boolean resubmission) {

    public FiledCase {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
