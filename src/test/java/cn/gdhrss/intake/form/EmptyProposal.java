package cn.gdhrss.intake.form;

import java.util.List;

/** What the blank template must read as: every text "", every list empty, nothing ticked. */
final class EmptyProposal {

    private EmptyProposal() {}

    static Proposal value() {
        return new Proposal("", null, "", null, new Proposal.Occupation("", List.of(), "", "", List.of(), ""), List.of(),
                new Proposal.Requirements("", "", "", "", "", ""),
                new Proposal.Workforce("", null, "", "", "", "", List.of()), new Proposal.Analysis("", "", "", ""),
                new Proposal.Training(List.of(), List.of()), "",
                new Proposal.Abroad(List.of(), List.of(), List.of(), "", "", ""), new Proposal.Contact("", "", "", ""), "",
                List.of());
    }
}
