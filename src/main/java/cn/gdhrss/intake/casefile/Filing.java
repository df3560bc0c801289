package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.CaseRecord;
import java.util.List;

/**
 * Where a submission went.
 *
 * @param cases the cases it was filed into, in the order of its proposals
 * @param suspectedCases cases whose reference the subject quoted although the sender is unknown to
 *     them: flagged for staff, not joined
 */
public record Filing(
        Submission submission, List<FiledCase> cases, boolean batch, List<CaseRecord> suspectedCases) {

    public Filing {
        cases = List.copyOf(cases);
        suspectedCases = List.copyOf(suspectedCases);
    }

    public boolean isResubmission() {
        return cases.stream().anyMatch(FiledCase::resubmission);
    }

    public boolean hasErrors() {
        return cases.stream().anyMatch(FiledCase::hasErrors)
                || summaryFindings().stream().anyMatch(Finding::isError)
                || submission.submissionFindings().stream().anyMatch(Finding::isError);
    }

    /** Findings of the summary tables: among them the rows that disagree with their proposals. */
    public List<Finding> summaryFindings() {
        return submission.summaryTables().stream()
                .flatMap(form -> CaseFiler.findingsOf(form).stream())
                .toList();
    }
}
