package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.CaseTransaction;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Files a submission into its cases, inside the caller's transaction: a new case per proposal
 * (one for a mail without any), or a new version of the case a resubmission names.
 *
 * <p>Which case a mail joins (issue 4): a reference in the subject first, since QQ Mail can drop
 * References; but only when the sender is known to that case, or the mail's thread also leads to it,
 * otherwise the case is flagged for staff and the mail opens its own case. Without a usable subject
 * reference, In-Reply-To/References naming any message of a case (theirs or ours) decide.
 */
public final class CaseFiler {
    public static final String KIND_PROPOSAL = "proposal";
    public static final String KIND_BATCH_ITEM = "batch_item";
    public static final String KIND_NO_FORM = "no_form";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * @param senders the bare addresses the mail came from (From and Reply-To), lower case
     * @param threadIds the Message-IDs of In-Reply-To and References, without brackets
     */
    public Filing file(CaseTransaction transaction, Submission submission, List<String> senders, List<String> threadIds) {
        List<CaseRecord> threadCases = transaction.listCasesOfThread(threadIds);
        List<CaseRecord> quoted = new ArrayList<>();
        List<CaseRecord> suspected = new ArrayList<>();
        for (String reference : CaseReferences.find(submission.message().subject())) {
            transaction.findCase(reference).ifPresent(found -> {
                boolean trusted = isKnown(transaction, found, senders) || containsCase(threadCases, found);
                (trusted ? quoted : suspected).add(found);
            });
        }
        List<CaseRecord> target = quoted.isEmpty() && suspected.isEmpty() ? threadCases : withBatches(transaction, quoted);
        List<FiledCase> filed = target.isEmpty()
                ? openCases(transaction, submission)
                : joinCases(transaction, submission, target);
        for (FiledCase one : filed) {
            senders.forEach(sender -> transaction.addSender(one.caseRecord().id(), sender));
        }
        flagSuspected(transaction, submission, suspected, filed, senders);
        return new Filing(submission, filed, submission.isBatch(), suspected);
    }

    /**
     * Files a message again into the cases it was filed into before ({@code already}, not empty):
     * each of its proposals goes back to the case of the same name (else the case that had no
     * proposal, else the one left), the versions are rewritten in place and the states recomputed
     * where the message is the case's latest version. A proposal that no case takes opens one.
     */
    public Refiling refile(CaseTransaction transaction, Submission submission, List<CaseRecord> already) {
        List<CaseRecord> open = new ArrayList<>(already);
        List<FiledCase> filed = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<SubmittedForm> proposals = submission.proposals();
        if (proposals.isEmpty()) {
            for (CaseRecord target : already) {
                filed.add(refileVersion(transaction, target, submission, null, missingProposal(submission), changes));
            }
            return new Refiling(new Filing(submission, filed, submission.isBatch(), List.of()), !changes.isEmpty(), changes);
        }
        for (SubmittedForm form : proposals) {
            CaseRecord match = pickForRefile(open, form, proposals.size());
            if (match == null) {
                List<Finding> findings = findingsOf(form);
                CaseRecord created = transaction.openCase(submission.message().receivedAt().atZone(BEIJING).getYear(),
                        submission.isBatch() ? KIND_BATCH_ITEM : KIND_PROPOSAL, titleOf(form), applicantOf(form), null,
                        statusOf(findings, false));
                FiledCase opened = fileVersion(transaction, created, submission, form, findings, false);
                changes.add("新立 " + opened.caseRecord().reference());
                filed.add(opened);
            } else {
                open.remove(match);
                filed.add(refileVersion(transaction, match, submission, form, findingsOf(form), changes));
            }
        }
        return new Refiling(new Filing(submission, filed, submission.isBatch(), List.of()), !changes.isEmpty(), changes);
    }

    private static @Nullable CaseRecord pickForRefile(List<CaseRecord> open, SubmittedForm form, int proposalCount) {
        CaseRecord named = pick(open, form, proposalCount);
        if (named != null) {
            return named;
        }
        return open.stream().filter(one -> one.title().isEmpty()).findFirst().orElse(open.size() == 1 ? open.get(0) : null);
    }

    private static FiledCase refileVersion(CaseTransaction transaction, CaseRecord target, Submission submission,
            @Nullable SubmittedForm form, List<Finding> findings, List<String> changes) {
        long messageId = submission.message().id();
        int errors = (int) findings.stream().filter(Finding::isError).count();
        int version = transaction.findVersion(target.id(), messageId).map(found -> found.version()).orElse(1);
        int errorsBefore = transaction.findVersion(target.id(), messageId).map(found -> found.errorCount()).orElse(-1);
        transaction.updateVersion(target.id(), messageId, form == null ? null : form.attachmentSeq(), errors, findings.size() - errors);
        boolean resubmission = version > 1;
        String status = target.status();
        if (version == transaction.latestVersion(target.id())) {
            status = intakeStatus(target, form == null && resubmission ? statusWithoutForm(target) : statusOf(findings, resubmission));
            transaction.updateCase(target.id(), form == null ? "" : titleOf(form), form == null ? "" : applicantOf(form), status);
        }
        if (!status.equals(target.status()) || errors != errorsBefore) {
            changes.add(target.reference() + " " + CaseState.labelOf(target.status()) + "（错误 " + Math.max(errorsBefore, 0) + " 处）→ "
                    + CaseState.labelOf(status) + "（错误 " + errors + " 处）");
        }
        if (form != null && target.kind().equals(KIND_NO_FORM)) {
            transaction.setKind(target.id(), submission.isBatch() ? KIND_BATCH_ITEM : KIND_PROPOSAL);
        }
        CaseRecord updated = transaction.findCase(target.reference()).orElse(target);
        return new FiledCase(updated, version, form, findings, resubmission);
    }

    /** A reference of one case of a city bureau batch stands for the whole batch: its reply named them all. */
    private static List<CaseRecord> withBatches(CaseTransaction transaction, List<CaseRecord> quoted) {
        List<CaseRecord> all = new ArrayList<>();
        for (CaseRecord one : quoted) {
            String batch = batchOf(one);
            for (CaseRecord member : batch == null ? List.of(one) : transaction.listBatch(batch)) {
                if (!containsCase(all, member)) {
                    all.add(member);
                }
            }
        }
        return all;
    }

    static List<Finding> findingsOf(SubmittedForm form) {
        Set<Finding> all = new LinkedHashSet<>(form.findings());
        if (form.proposal() != null) {
            all.addAll(form.proposal().findings());
        }
        if (form.summaryTable() != null) {
            all.addAll(form.summaryTable().findings());
        }
        return List.copyOf(all);
    }

    private List<FiledCase> openCases(CaseTransaction transaction, Submission submission) {
        int year = submission.message().receivedAt().atZone(BEIJING).getYear();
        List<SubmittedForm> proposals = submission.proposals();
        List<FiledCase> filed = new ArrayList<>();
        if (proposals.isEmpty()) {
            List<Finding> findings = missingProposal(submission);
            CaseRecord opened = transaction.openCase(year, KIND_NO_FORM, "", "", null, CaseState.NEEDS_CORRECTION.code());
            filed.add(fileVersion(transaction, opened, submission, null, findings, false));
            return filed;
        }
        String batch = null;
        for (SubmittedForm form : proposals) {
            List<Finding> findings = findingsOf(form);
            String kind = submission.isBatch() ? KIND_BATCH_ITEM : KIND_PROPOSAL;
            CaseRecord opened = transaction.openCase(year, kind, titleOf(form), applicantOf(form), batch, statusOf(findings, false));
            if (submission.isBatch() && batch == null) {
                batch = opened.reference();
            }
            filed.add(fileVersion(transaction, opened, submission, form, findings, false));
        }
        return filed;
    }

    private List<FiledCase> joinCases(CaseTransaction transaction, Submission submission, List<CaseRecord> target) {
        List<SubmittedForm> proposals = submission.proposals();
        List<FiledCase> filed = new ArrayList<>();
        if (proposals.isEmpty()) {
            CaseRecord only = target.get(0);
            filed.add(fileVersion(transaction, only, submission, null, missingProposal(submission), true));
            return filed;
        }
        List<CaseRecord> open = new ArrayList<>(target);
        for (SubmittedForm form : proposals) {
            CaseRecord match = pick(open, form, proposals.size());
            List<Finding> findings = findingsOf(form);
            if (match == null) {
                int year = submission.message().receivedAt().atZone(BEIJING).getYear();
                CaseRecord opened = transaction.openCase(year, KIND_BATCH_ITEM, titleOf(form), applicantOf(form),
                        batchOf(target.get(0)), statusOf(findings, false));
                filed.add(fileVersion(transaction, opened, submission, form, findings, false));
            } else {
                open.remove(match);
                filed.add(fileVersion(transaction, match, submission, form, findings, true));
            }
        }
        return filed;
    }

    /** The case a resubmitted proposal corrects: same occupation name, else the only one left. */
    private static @Nullable CaseRecord pick(List<CaseRecord> open, SubmittedForm form, int proposalCount) {
        String name = normalised(titleOf(form));
        for (CaseRecord candidate : open) {
            if (!name.isEmpty() && normalised(candidate.title()).equals(name)) {
                return candidate;
            }
        }
        boolean oneToOne = open.size() == 1 && (proposalCount == 1 || open.get(0).title().isEmpty());
        return oneToOne ? open.get(0) : null;
    }

    private static FiledCase fileVersion(CaseTransaction transaction, CaseRecord target, Submission submission,
            @Nullable SubmittedForm form, List<Finding> findings, boolean resubmission) {
        long errors = findings.stream().filter(Finding::isError).count();
        int version = transaction.addVersion(target.id(), submission.message().id(),
                form == null ? null : form.attachmentSeq(), (int) errors, (int) (findings.size() - errors));
        String status = intakeStatus(target,
                form == null && resubmission ? statusWithoutForm(target) : statusOf(findings, resubmission));
        String title = form == null ? "" : titleOf(form);
        String applicant = form == null ? "" : applicantOf(form);
        transaction.updateCase(target.id(), title, applicant, status);
        CaseRecord updated = transaction.findCase(target.reference()).orElse(target);
        return new FiledCase(updated, version, form, findings, resubmission);
    }

    /** A correction that brings no proposal leaves the case waiting for one. */
    private static String statusWithoutForm(CaseRecord target) {
        return target.status().equals(CaseState.COMPLETE.code()) ? CaseState.COMPLETE.code() : CaseState.NEEDS_CORRECTION.code();
    }

    private static String statusOf(List<Finding> findings, boolean resubmission) {
        if (findings.stream().anyMatch(Finding::isError)) {
            return CaseState.NEEDS_CORRECTION.code();
        }
        return resubmission ? CaseState.COMPLETE.code() : CaseState.RECEIVED.code();
    }

    /**
     * Intake moves a case only among 已收到, 待补正 and 材料齐全: once reviewed, merged or withdrawn,
     * the state is the staff's and a late mail only adds a version.
     */
    private static String intakeStatus(CaseRecord target, String computed) {
        return CaseState.fromCode(target.status()).map(CaseState::isIntake).orElse(true) ? computed : target.status();
    }

    /** What a case without a proposal is told: the parse step's findings, else that the form is missing. */
    private static List<Finding> missingProposal(Submission submission) {
        List<Finding> findings = new ArrayList<>(submission.submissionFindings());
        for (SubmittedForm form : submission.forms()) {
            if (!form.isSummaryTable()) {
                findings.addAll(findingsOf(form));
            }
        }
        if (findings.stream().noneMatch(Finding::isError)) {
            findings.add(Finding.error("NO_PROPOSAL", null,
                    "邮件中没有找到《新职业建议书》的 Word 电子版（.doc 或 .docx）"));
        }
        return findings;
    }

    private static void flagSuspected(CaseTransaction transaction, Submission submission, List<CaseRecord> suspected,
            List<FiledCase> filed, List<String> senders) {
        String newReferences = String.join("、", filed.stream().map(one -> one.caseRecord().reference()).toList());
        for (CaseRecord quotedCase : suspected) {
            transaction.addCaseEvent(quotedCase.id(), submission.message().id(), "unknown_sender",
                    "主题引用了本件编号，但发件人 " + String.join("、", senders) + " 从未与本件往来；未自动合并，已另立 "
                            + newReferences + "，请工作人员核实", true);
            for (FiledCase one : filed) {
                transaction.addCaseEvent(one.caseRecord().id(), submission.message().id(), "possible_duplicate",
                        "主题引用了 " + quotedCase.reference() + "，但发件人未与该件往来，请核实是否为其补正材料", true);
            }
        }
    }

    private static boolean isKnown(CaseTransaction transaction, CaseRecord found, List<String> senders) {
        return senders.stream().anyMatch(sender -> transaction.isKnownSender(found.id(), sender));
    }

    private static boolean containsCase(List<CaseRecord> cases, CaseRecord wanted) {
        return cases.stream().anyMatch(one -> one.id() == wanted.id());
    }

    private static @Nullable String batchOf(CaseRecord first) {
        return first.batch() != null ? first.batch() : first.kind().equals(KIND_BATCH_ITEM) ? first.reference() : null;
    }

    private static String titleOf(SubmittedForm form) {
        Proposal proposal = form.proposal();
        return proposal == null ? "" : bounded(proposal.occupation().name());
    }

    private static String applicantOf(SubmittedForm form) {
        Proposal proposal = form.proposal();
        return proposal == null ? "" : bounded(proposal.applicant());
    }

    private static String normalised(String name) {
        return name.replaceAll("[\\s（）()]", "").toLowerCase(Locale.ROOT);
    }

    private static String bounded(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100);
    }
}
