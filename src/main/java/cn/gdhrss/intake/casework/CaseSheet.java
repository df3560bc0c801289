package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.CaseAuditRecord;
import cn.gdhrss.intake.register.CaseEventRecord;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one case, as {@code show REF} and the console's case page present it.
 *
 * @param proposal the current proposal with its findings, null for a case without one
 * @param findings what is still wrong or worth a look: the current proposal's findings, or for a
 *     case without a proposal those of its latest message
 * @param versions every message that fed the case, oldest first, with what it changed
 * @param attachments the files of every version's message, by version
 * @param mergedFrom cases that were merged into this one
 */
public record CaseSheet(
        CaseListing listing,
        @Nullable Proposal proposal,
        List<Finding> findings,
        List<Version> versions,
        List<FiledAttachment> attachments,
        List<OutboxRecord> replies,
        List<CaseAuditRecord> notes,
        List<CaseAuditRecord> audit,
        List<CaseEventRecord> events,
        List<String> mergedFrom) {

    public CaseSheet {
        findings = List.copyOf(findings);
        versions = List.copyOf(versions);
        attachments = List.copyOf(attachments);
        replies = List.copyOf(replies);
        notes = List.copyOf(notes);
        audit = List.copyOf(audit);
        events = List.copyOf(events);
        mergedFrom = List.copyOf(mergedFrom);
    }

    /**
     * One version: the message, and the 附件1 boxes whose text differs from the previous version's
     * proposal ({@code changes} holds their Chinese labels; "" lists nothing for version 1).
     */
    public record Version(int version, long messageId, String subject, String from, Instant receivedAt, boolean hasProposal,
            int errors, int warnings, List<String> changes) {
        public Version {
            changes = List.copyOf(changes);
        }
    }

    /** A file of a version's message: its original name and where the register keeps its bytes. */
    public record FiledAttachment(int version, long messageId, AttachmentRecord attachment, @Nullable String storedPath) {}
}
