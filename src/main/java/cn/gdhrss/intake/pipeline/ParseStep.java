package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.attachment.AttachmentStatus;
import cn.gdhrss.intake.form.DuplicateMatcher;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.FormChecks;
import cn.gdhrss.intake.form.FormReader;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.form.ReadResult;
import cn.gdhrss.intake.form.SubmissionFindings;
import cn.gdhrss.intake.form.SummaryTable;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.FormRepository;
import cn.gdhrss.intake.register.FormRepository.ParsedDocument;
import cn.gdhrss.intake.register.FormRepository.ProposalLink;
import cn.gdhrss.intake.register.FormRepository.ProposalName;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.MessageStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code extracted -> parsed}: reads every Word, Excel, PDF and other document attachment as a
 * form, checks it against the notice and the catalogues, compares a city's summary table with the
 * proposals (this submission's first, then the register's), links proposals of the same occupation
 * already in the register, and stores it all with the new status in one transaction.
 */
public final class ParseStep implements ProcessingStep {
    private static final Set<String> READABLE_KINDS = Set.of("proposal_form", "summary_table", "document", "pdf");

    private final MessageRepository messages;
    private final FormRepository forms;
    private final FormReader reader;
    private final FormChecks checks;
    private final DuplicateMatcher duplicates = new DuplicateMatcher();
    private final Function<String, Path> storedFile;

    /** @param storedFile the file of an attachment's stored bytes, by SHA-256 */
    public ParseStep(MessageRepository messages, FormRepository forms, FormReader reader, FormChecks checks,
            Function<String, Path> storedFile) {
        this.messages = messages;
        this.forms = forms;
        this.reader = reader;
        this.checks = checks;
        this.storedFile = storedFile;
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public MessageStatus fromStatus() {
        return MessageStatus.EXTRACTED;
    }

    @Override
    public void apply(MessageRecord message) throws Exception {
        prepare(message).run().write();
    }

    /** Reading and checking the documents is the work; comparing with the register and saving, the outcome. */
    @Override
    public Work prepare(MessageRecord message) {
        List<AttachmentRecord> attachments = messages.listAttachments(message.id());
        return () -> {
            List<ParsedDocument> documents = new ArrayList<>();
            for (AttachmentRecord attachment : attachments) {
                if (attachment.sha256() != null && READABLE_KINDS.contains(attachment.kind())) {
                    ReadResult result = checks.check(reader.read(storedFile.apply(attachment.sha256()), attachment.name()));
                    documents.add(new ParsedDocument(attachment.seq(), attachment.name(), result));
                }
            }
            return () -> save(message, attachments, documents);
        };
    }

    private void save(MessageRecord message, List<AttachmentRecord> attachments, List<ParsedDocument> read) {
        List<ProposalName> registered = forms.listProposalNamesNear(namesLookedFor(read), message.id());
        List<ParsedDocument> documents = withTableComparisons(withDuplicateWarnings(read, registered), registered);
        // The links go in with the forms and the status: written after the commit, a crash between the two
        // lost them for good, since nothing parses a message twice.
        forms.saveParsed(message.id(), documents, messageFindings(attachments, documents), MessageStatus.EXTRACTED.code(), MessageStatus.PARSED.code(),
                describe(documents), duplicateLinks(documents, registered));
    }

    /** The names compared with the register: the proposals' occupations and the summary tables' rows. */
    private static List<String> namesLookedFor(List<ParsedDocument> documents) {
        List<String> names = new ArrayList<>();
        for (ParsedDocument document : documents) {
            if (document.result().proposal() != null) {
                names.add(document.result().proposal().occupation().name());
            }
            if (document.result().summaryTable() != null) {
                document.result().summaryTable().rows().forEach(row -> names.add(row.name()));
            }
        }
        return names;
    }

    private List<Finding> messageFindings(List<AttachmentRecord> attachments, List<ParsedDocument> documents) {
        if (documents.stream().anyMatch(document -> document.result().isForm())) {
            return List.of();
        }
        List<AttachmentRecord> files = attachments.stream().filter(a -> !a.kind().equals("link")).toList();
        List<String> links = attachments.stream().filter(a -> a.kind().equals("link")).map(AttachmentRecord::name).toList();
        if (files.isEmpty() && !links.isEmpty()) {
            return List.of(SubmissionFindings.onlyCloudLinks(links));
        }
        if (files.isEmpty()) {
            return List.of(SubmissionFindings.noAttachment());
        }
        List<String> overLimit = files.stream().filter(a -> a.status().equals(AttachmentStatus.OVER_LIMIT.code()) && a.size() > 0)
                .map(a -> a.name() + "（" + (a.size() >> 20) + " MB）").limit(10).toList();
        if (!overLimit.isEmpty()) {
            return List.of(SubmissionFindings.tooLarge(overLimit));
        }
        return List.of(SubmissionFindings.noWordForm(files.stream().map(AttachmentRecord::name).limit(10).toList()));
    }

    private List<ParsedDocument> withDuplicateWarnings(List<ParsedDocument> documents, List<ProposalName> registered) {
        List<ParsedDocument> result = new ArrayList<>();
        for (ParsedDocument document : documents) {
            Proposal proposal = document.result().proposal();
            if (proposal == null || proposal.occupation().name().isBlank()) {
                result.add(document);
                continue;
            }
            List<Finding> warnings = new ArrayList<>();
            for (ProposalName other : registered) {
                if (duplicates.isSimilar(proposal.occupation().name(), other.name())) {
                    warnings.add(SubmissionFindings.duplicateOf(proposal.occupation().name(), other.name(), other.applicant(),
                            duplicates.isSameOccupation(proposal.occupation().name(), other.name())));
                }
            }
            result.add(new ParsedDocument(document.attachmentSeq(), document.fileName(),
                    document.result().withFormFindings(warnings.stream().limit(5).toList())));
        }
        return result;
    }

    private List<ParsedDocument> withTableComparisons(List<ParsedDocument> documents, List<ProposalName> registered) {
        List<Proposal> submitted = documents.stream().map(d -> d.result().proposal()).filter(p -> p != null).toList();
        List<ParsedDocument> result = new ArrayList<>();
        for (ParsedDocument document : documents) {
            SummaryTable table = document.result().summaryTable();
            if (table == null) {
                result.add(document);
                continue;
            }
            List<Finding> disagreements = checks.summaryTableChecks().compare(table, submitted, registeredFor(table, registered));
            result.add(new ParsedDocument(document.attachmentSeq(), document.fileName(), document.result().withFormFindings(disagreements)));
        }
        return result;
    }

    /** Proposals of the register whose names match a row of the table: the fallback for rows sent without their form. */
    private List<Proposal> registeredFor(SummaryTable table, List<ProposalName> registered) {
        List<Proposal> found = new ArrayList<>();
        for (ProposalName other : registered) {
            boolean named = table.rows().stream().anyMatch(row -> duplicates.isSimilar(row.name(), other.name()));
            if (named) {
                forms.findProposal(other.proposalId()).ifPresent(found::add);
            }
        }
        return found;
    }

    /** For each document holding a proposal (by attachment number), the registered proposals of the same or a similar name. */
    private Map<Integer, List<ProposalLink>> duplicateLinks(List<ParsedDocument> documents, List<ProposalName> registered) {
        Map<Integer, List<ProposalLink>> links = new HashMap<>();
        for (ParsedDocument document : documents) {
            Proposal proposal = document.result().proposal();
            if (proposal == null) {
                continue;
            }
            String name = proposal.occupation().name();
            for (ProposalName other : registered) {
                double similarity = duplicates.similarity(name, other.name());
                if (similarity >= DuplicateMatcher.SIMILAR_THRESHOLD) {
                    links.computeIfAbsent(document.attachmentSeq(), seq -> new ArrayList<>())
                            .add(new ProposalLink(other.proposalId(), similarity, duplicates.isSameOccupation(name, other.name())));
                }
            }
        }
        return links;
    }

    private static String describe(List<ParsedDocument> documents) {
        long proposals = documents.stream().filter(d -> d.result().proposal() != null).count();
        long tables = documents.stream().filter(d -> d.result().summaryTable() != null).count();
        long errors = documents.stream().flatMap(d -> d.result().allFindings().stream()).filter(Finding::isError).count();
        return "读取文件 " + documents.size() + " 个：建议书 " + proposals + " 份，汇总表 " + tables + " 份，需补正问题 " + errors + " 项";
    }
}
