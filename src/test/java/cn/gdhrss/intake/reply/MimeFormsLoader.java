package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.casefile.SubmissionLoader;
import cn.gdhrss.intake.casefile.Submission;
import cn.gdhrss.intake.casefile.SubmittedForm;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.MessageRecord;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The test's stand-in for the parse step's loader: it reads the archived .eml and makes a form of
 * each attachment by its file name. {@code 新职业建议书-<职业名称>.docx} is a proposal for that
 * occupation; "-超字数" in the name gives it an error; an .xlsx is a summary table, with a
 * disagreement when its name says "-不一致". A mail with only a PDF or nothing attached gets the
 * finding the parse step gives such mail.
 */
public final class MimeFormsLoader implements SubmissionLoader {
    private final Path dataDir;

    public MimeFormsLoader(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public Submission load(MessageRecord message) {
        List<AttachmentRecord> attachments = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dataDir.resolve(message.rawPath()))) {
            walk(new MimeMessage(Session.getInstance(new Properties()), in), attachments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        List<SubmittedForm> forms = new ArrayList<>();
        for (AttachmentRecord attachment : attachments) {
            formOf(attachment, attachments).ifPresent(forms::add);
        }
        List<Finding> submissionFindings = new ArrayList<>();
        if (forms.isEmpty()) {
            submissionFindings.add(attachments.stream().anyMatch(a -> a.kind().equals("pdf"))
                    ? Finding.error("ONLY_PDF", null, "只收到 PDF 文件，缺少《新职业建议书》的 Word 电子版（.doc 或 .docx）")
                    : Finding.error("NO_ATTACHMENT", null, "邮件中没有附件，未收到《新职业建议书》"));
        }
        return new Submission(message, attachments, forms, submissionFindings);
    }

    private static java.util.Optional<SubmittedForm> formOf(AttachmentRecord attachment, List<AttachmentRecord> all) {
        String base = attachment.name().replaceFirst("\\.[^.]+$", "");
        if (attachment.kind().equals("proposal_form")) {
            String occupation = base.replaceFirst("^新职业建议书-", "").replace("-超字数", "");
            List<Finding> findings = base.contains("超字数") ? List.of(TestForms.backgroundTooLong()) : List.of();
            return java.util.Optional.of(TestForms.proposalForm(attachment.seq(), attachment.name(), occupation, findings));
        }
        if (attachment.kind().equals("summary_table")) {
            List<Finding> findings = base.contains("不一致") ? List.of(TestForms.summaryMismatch("康养照护师", "康养照护规划师")) : List.of();
            return java.util.Optional.of(TestForms.summaryForm(attachment.seq(), attachment.name(), findings));
        }
        return java.util.Optional.empty();
    }

    private static void walk(Part part, List<AttachmentRecord> attachments) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, attachments);
            }
            return;
        }
        if (part.getFileName() == null) {
            return;
        }
        String name = MimeUtility.decodeText(part.getFileName());
        long size;
        try (InputStream in = part.getInputStream()) {
            size = in.readAllBytes().length;
        }
        String kind = kindOf(name);
        attachments.add(new AttachmentRecord(attachments.size() + 1, null, "mime", name, part.getContentType(), part.getContentType(),
                size, "0".repeat(64), kind, "ok", "", null, kind.equals("video") ? 75.0 : null, null, null, null));
    }

    private static String kindOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx") || lower.endsWith(".doc")) {
            return "proposal_form";
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return "summary_table";
        }
        if (lower.endsWith(".pdf")) {
            return "pdf";
        }
        return lower.endsWith(".mp4") ? "video" : "other";
    }
}
