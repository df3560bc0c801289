package cn.gdhrss.intake.casefile;

import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.FormRepository;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.StoredDocument;
import java.util.ArrayList;
import java.util.List;

/** The submission the parse step stored for a message: its attachments, documents and findings. */
public final class RegisterSubmissionLoader implements SubmissionLoader {
    private final MessageRepository messages;
    private final FormRepository forms;

    public RegisterSubmissionLoader(MessageRepository messages, FormRepository forms) {
        this.messages = messages;
        this.forms = forms;
    }

    @Override
    public Submission load(MessageRecord message) {
        List<SubmittedForm> submitted = forms.listDocuments(message.id()).stream().map(RegisterSubmissionLoader::formOf).toList();
        return new Submission(message, messages.listAttachments(message.id()), submitted, forms.listMessageFindings(message.id()));
    }

    private static SubmittedForm formOf(StoredDocument document) {
        List<Finding> findings = new ArrayList<>(document.findings());
        if (document.proposal() != null) {
            findings.addAll(document.proposal().findings());
        }
        if (document.summaryTable() != null) {
            findings.addAll(document.summaryTable().findings());
        }
        return new SubmittedForm(document.attachmentSeq(), document.fileName(), document.documentClass().code(),
                document.proposal(), document.summaryTable(), findings);
    }
}
