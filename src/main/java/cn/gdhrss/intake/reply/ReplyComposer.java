package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.casefile.FiledCase;
import cn.gdhrss.intake.casefile.Filing;
import cn.gdhrss.intake.casefile.SubmittedForm;
import cn.gdhrss.intake.config.OfficeSettings;
import cn.gdhrss.intake.form.Finding;
import cn.gdhrss.intake.register.AttachmentRecord;
import cn.gdhrss.intake.register.MessageRecord;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import cn.gdhrss.intake.report.ReportingPeriods;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Writes replies from the FreeMarker templates staff edit in {@code templates/reply/}, read from
 * the directory at run time. A template's first output line is the subject (the reference is put in
 * front of it here), then a blank line, then the plain-text body; the HTML body is made from it.
 */
public final class ReplyComposer {
    public static final String RECEIPT = "receipt";
    public static final String CORRECTION = "correction";
    public static final String BATCH_RECEIPT = "batch_receipt";
    public static final String BATCH_CORRECTION = "batch_correction";
    public static final String RESUBMISSION_ACK = "resubmission_ack";
    public static final String ENQUIRY_ACK = "enquiry_ack";
    public static final String HEALTH_ALERT = "health_alert";
    public static final String HEALTH_RECOVERED = "health_recovered";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.ROOT).withZone(BEIJING);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT).withZone(BEIJING);
    private static final int MAX_LISTED_ATTACHMENTS = 50;
    private static final int MAX_SUBJECT = 120;

    private final Configuration templates;
    private final OfficeSettings office;
    private final Clock clock;
    private final ReportingPeriods periods;

    public ReplyComposer(Path templateDir, OfficeSettings office) {
        this(templateDir, office, Clock.systemUTC());
    }

    /** With the notice's own reporting periods. */
    public ReplyComposer(Path templateDir, OfficeSettings office, Clock clock) {
        this(templateDir, office, clock, ReportingPeriods.ofNotice());
    }

    /**
     * @param clock dates the letters
     * @param periods the configured reporting periods ({@code periods.*}): a correction is never due past its period's deadline
     */
    public ReplyComposer(Path templateDir, OfficeSettings office, Clock clock, ReportingPeriods periods) {
        this.office = office;
        this.clock = clock;
        this.periods = periods;
        this.templates = new Configuration(Configuration.VERSION_2_3_34);
        try {
            templates.setDirectoryForTemplateLoading(templateDir.resolve("reply").toFile());
        } catch (IOException e) {
            // Commands that send nothing must still run; answering fails with this reason until the directory exists.
            LoggerFactory.getLogger(ReplyComposer.class).warn("Reply templates not found in '{}' (reply.templates): {}",
                    templateDir.resolve("reply").toAbsolutePath(), e.getMessage());
        }
        templates.setDefaultEncoding("UTF-8");
        templates.setLocale(Locale.SIMPLIFIED_CHINESE);
        templates.setNumberFormat("computer");
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
        templates.setWrapUncheckedExceptions(true);
    }

    /** The kind of reply a filing calls for: never a receipt plus a separate correction. */
    public static String kindOf(Filing filing) {
        if (filing.batch()) {
            return filing.hasErrors() ? BATCH_CORRECTION : BATCH_RECEIPT;
        }
        if (filing.isResubmission()) {
            return RESUBMISSION_ACK;
        }
        return filing.hasErrors() ? CORRECTION : RECEIPT;
    }

    /** The reply to a filed submission. */
    public ComposedMail compose(Filing filing) {
        String kind = kindOf(filing);
        Map<String, Object> model = modelOf(filing);
        return render(kind, kind.startsWith("batch") ? "batch" : kind, filing.cases().get(0).caseRecord().reference(), model);
    }

    /** The acknowledgement of an enquiry (issue 10): a person will answer; the notice's contacts; where the forms are. */
    public ComposedMail composeEnquiryAck(MessageRecord message) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("receivedAt", TIME.format(message.receivedAt()));
        model.put("subject", HeaderSafe.text(message.subject(), 200));
        model.put("office", officeModel());
        model.put("today", DATE.format(clock.instant()));
        return render(ENQUIRY_ACK, ENQUIRY_ACK, "", model);
    }

    /** The letters staff start from in the console (issue 9): templates {@code reply/letter_<kind>.ftl}. */
    public static final List<String> LETTER_KINDS = List.of("correction", "question", "outcome");

    /**
     * A draft of a staff letter about a case, for staff to edit before it is queued: {@code kind}
     * one of {@link #LETTER_KINDS}; the findings are put as the applicant reads them.
     */
    public ComposedMail composeLetterDraft(String kind, String reference, String title, String applicant, String statusLabel,
            List<Finding> findings) {
        if (!LETTER_KINDS.contains(kind)) {
            throw new IllegalArgumentException("Unknown letter template '" + kind + "'");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", reference);
        model.put("title", HeaderSafe.text(title, 200));
        model.put("addressee", applicant.isBlank() ? "申报人" : applicant);
        model.put("statusLabel", statusLabel);
        model.put("problems", FindingSentences.forApplicant(findings));
        model.put("office", officeModel());
        model.put("letterDate", DATE.format(clock.instant()));
        return render(StaffLetter.KIND, "letter_" + kind, reference, model);
    }

    /** A mail to staff about the service itself (health). */
    public ComposedMail composeStaffMail(String kind, Map<String, Object> facts) {
        Map<String, Object> model = new LinkedHashMap<>(facts);
        model.put("office", officeModel());
        return render(kind, kind, "", model);
    }

    private ComposedMail render(String kind, String templateName, String reference, Map<String, Object> model) {
        String output = renderTemplate(templateName + ".ftl", model).replace("\r\n", "\n");
        int end = output.indexOf('\n');
        String firstLine = end < 0 ? output : output.substring(0, end);
        String body = end < 0 ? "" : output.substring(end + 1).replaceFirst("^\\s*\\n", "").stripTrailing() + "\n";
        String subject = HeaderSafe.text((reference.isEmpty() ? "" : "[" + reference + "] ") + firstLine, MAX_SUBJECT);
        String plain = body.replaceAll("(?m)^# ", "").replaceAll("(?m)^> ?", "");
        return new ComposedMail(kind, subject, plain, HtmlBody.of(body));
    }

    private String renderTemplate(String name, Map<String, Object> model) {
        try {
            Template template = templates.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new ReplyException("回复模板 reply/" + name + (e instanceof TemplateNotFoundException ? " 不存在" : " 有错，无法生成邮件")
                    + "，请检查配置项 reply.templates 指向的目录，或从安装目录的 templates 复制该模板。", e);
        }
    }

    private Map<String, Object> modelOf(Filing filing) {
        Map<String, Object> model = new LinkedHashMap<>();
        FiledCase first = filing.cases().get(0);
        model.put("reference", first.caseRecord().reference());
        model.put("title", first.caseRecord().title());
        model.put("receivedAt", TIME.format(filing.submission().message().receivedAt()));
        model.put("subject", HeaderSafe.text(filing.submission().message().subject(), 200));
        model.put("attachments", attachmentsOf(filing.submission().attachments()));
        model.put("moreAttachments", filing.submission().attachments().size() - listed(filing.submission().attachments()).size());
        model.put("cases", filing.cases().stream().map(ReplyComposer::caseModel).toList());
        model.put("case", caseModel(first));
        model.put("submissionFindings", filing.batch() ? FindingSentences.forApplicant(filing.submission().submissionFindings()) : List.of());
        model.put("summaryFindings", FindingSentences.forApplicant(filing.summaryFindings().stream().distinct().toList()));
        model.put("hasErrors", filing.hasErrors());
        model.put("complete", filing.cases().stream().allMatch(one -> one.caseRecord().status().equals(CaseState.COMPLETE.code())));
        model.put("hasForm", filing.cases().stream().anyMatch(one -> one.form() != null));
        model.put("office", officeModel());
        model.put("letterDate", DATE.format(clock.instant()));
        LocalDate due = dueDate(filing.submission().message().receivedAt());
        model.put("dueDate", DATE.format(due));
        model.put("dueIsPeriodDeadline", due.equals(periods.periodOf(LocalDate.ofInstant(filing.submission().message().receivedAt(), BEIJING))));
        model.put("workingDays", office.correctionWorkingDays());
        model.put("addressee", addresseeOf(filing));
        model.put("attachedSomething", !filing.submission().attachments().isEmpty());
        model.put("groups", groupsOf(first, filing.submission().submissionFindings()));
        return model;
    }

    /** The applicant unit, the city bureau of a batch, or the neutral form when neither is known. */
    private static String addresseeOf(Filing filing) {
        for (SubmittedForm table : filing.submission().summaryTables()) {
            String city = table.summaryTable() == null ? "" : table.summaryTable().city().strip();
            if (!city.isEmpty()) {
                return HeaderSafe.text(city.endsWith("市") ? city + "人力资源和社会保障局" : city, 60);
            }
        }
        String applicant = filing.cases().get(0).caseRecord().applicant().strip();
        return applicant.isEmpty() || filing.batch() ? "申报单位（个人）" : HeaderSafe.text(applicant, 60);
    }

    /** Today plus the configured working days (Monday to Friday), never past the reporting period's deadline. */
    private LocalDate dueDate(Instant received) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), BEIJING);
        for (int added = 0; added < office.correctionWorkingDays(); ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        LocalDate deadline = periods.periodOf(LocalDate.ofInstant(received, BEIJING));
        return day.isAfter(deadline) && !deadline.isBefore(LocalDate.ofInstant(clock.instant(), BEIJING)) ? deadline : day;
    }

    /** Problems grouped by the document they are in: （一）附件“x.docx”（新职业建议书）, then the mail itself. */
    private static List<Map<String, Object>> groupsOf(FiledCase filed, List<Finding> mailFindings) {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<String> formProblems = FindingSentences.forApplicant(filed.findings().stream().filter(Finding::isError).toList());
        if (filed.form() != null && !formProblems.isEmpty()) {
            groups.add(group(groups.size(), "附件“" + fileNameOf(filed.form()) + "”（新职业建议书）", formProblems));
        }
        List<String> mailProblems = new ArrayList<>(FindingSentences.forApplicant(mailFindings.stream().filter(Finding::isError).toList()));
        if (filed.form() == null) {
            FindingSentences.forApplicant(filed.findings().stream().filter(Finding::isError).toList()).stream()
                    .filter(sentence -> !mailProblems.contains(sentence)).forEach(mailProblems::add);
        }
        if (!mailProblems.isEmpty()) {
            groups.add(group(groups.size(), "来信及附件", mailProblems));
        }
        return groups;
    }

    private static Map<String, Object> group(int index, String title, List<String> problems) {
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "（" + numerals[Math.min(index, numerals.length - 1)] + "）" + title);
        model.put("problems", problems.stream().limit(100).toList());
        return model;
    }

    private static Map<String, Object> caseModel(FiledCase filed) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", filed.caseRecord().reference());
        model.put("title", filed.caseRecord().title());
        model.put("applicant", filed.caseRecord().applicant());
        model.put("status", filed.caseRecord().status());
        model.put("statusLabel", CaseState.labelOf(filed.caseRecord().status()));
        model.put("version", filed.version());
        model.put("fileName", filed.form() == null ? "" : filed.form().fileName());
        model.put("hasErrors", filed.hasErrors());
        model.put("errors", sentences(filed.findings().stream().filter(Finding::isError).toList(), fileNameOf(filed.form())));
        model.put("problems", String.join("；", FindingSentences.forApplicant(filed.findings().stream().filter(Finding::isError).toList())
                .stream().map(sentence -> (filed.form() == null ? "" : "《新职业建议书》") + sentence.replaceFirst("。$", "")).toList()));
        model.put("warnings", FindingSentences.forApplicant(filed.findings().stream().filter(finding -> !finding.isError()).toList()));
        return model;
    }

    private static String fileNameOf(@org.jspecify.annotations.Nullable SubmittedForm form) {
        return form == null ? "" : HeaderSafe.text(form.fileName(), 120);
    }

    private static List<String> summarySentences(Filing filing) {
        List<String> sentences = new ArrayList<>();
        for (SubmittedForm table : filing.submission().summaryTables()) {
            filing.summaryFindings().stream().distinct()
                    .forEach(finding -> sentences.add(FindingSentences.of(finding, fileNameOf(table))));
            break;
        }
        return sentences.stream().limit(100).toList();
    }

    private static List<String> sentences(List<Finding> findings, String fileName) {
        return findings.stream().limit(100).map(finding -> FindingSentences.of(finding, fileName)).toList();
    }

    /** The first attachments, and after them any later one that was not taken (e.g. the parts over the limit): those the sender must hear of. */
    private static List<Map<String, Object>> attachmentsOf(List<AttachmentRecord> attachments) {
        return listed(attachments).stream().map(AttachmentText::modelOf).toList();
    }

    private static List<AttachmentRecord> listed(List<AttachmentRecord> attachments) {
        List<AttachmentRecord> listed = new ArrayList<>(attachments.subList(0, Math.min(attachments.size(), MAX_LISTED_ATTACHMENTS)));
        attachments.stream().skip(MAX_LISTED_ATTACHMENTS).filter(a -> a.status().equals("over_limit")).limit(10).forEach(listed::add);
        return listed;
    }

    private Map<String, Object> officeModel() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", office.name());
        model.put("contacts", office.contacts());
        model.put("phone", office.phone());
        model.put("email", office.email());
        model.put("postalAddress", office.postalAddress());
        model.put("postalNote", office.postalNote());
        model.put("formsNote", office.formsNote());
        return model;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
