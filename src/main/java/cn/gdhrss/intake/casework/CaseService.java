package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.casefile.CaseState;
import cn.gdhrss.intake.register.CaseEventRecord;
import cn.gdhrss.intake.form.Proposal;
import cn.gdhrss.intake.register.CaseAuditRecord;
import cn.gdhrss.intake.register.CaseListing;
import cn.gdhrss.intake.register.CaseQuery;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.CaseRepository;
import cn.gdhrss.intake.register.CaseVersionRecord;
import cn.gdhrss.intake.register.CaseWorkRepositories;
import cn.gdhrss.intake.register.FormRepository;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.ReviewRecord;
import cn.gdhrss.intake.register.StoredDocument;
import cn.gdhrss.intake.reply.MailClass;
import cn.gdhrss.intake.reply.OutboxSender;
import cn.gdhrss.intake.reply.StaffLetter;
import cn.gdhrss.intake.report.CaseAttribution;
import cn.gdhrss.intake.report.CityDecision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Staff work on cases (issue 8): the one place the command line and the web console read and
 * change cases through. Every change is audited; every refusal is a {@link CaseWorkException}
 * whose message is one Chinese sentence.
 */
public final class CaseService {
    private static final java.util.regex.Pattern STATE_CODE = java.util.regex.Pattern.compile("[a-z_]+");
    static final int MAX_NOTE_LENGTH = 2000;
    static final int MAX_LETTER_LENGTH = 20_000;

    private final CaseWorkRepositories work;
    private final CaseRepository cases;
    private final FormRepository forms;
    private final MessageRepository messages;
    private final CaseAttribution attribution;
    private final CaseInputs inputs;
    private final Function<String, Path> storedPath;
    private final OutboxSender sender;
    private final String messageIdDomain;
    private final Duration correctionWait;
    private final Clock clock;

    /**
     * @param storedPath where the file store keeps the bytes of a SHA-256
     * @param correctionWait how long after a correction notice a case without answer shows in {@link #todo}
     */
    public CaseService(CaseWorkRepositories work, CaseRepository cases, FormRepository forms,
            MessageRepository messages, CaseAttribution attribution, CaseInputs inputs, Function<String, Path> storedPath,
            OutboxSender sender, String messageIdDomain, Duration correctionWait, Clock clock) {
        this.work = work;
        this.cases = cases;
        this.forms = forms;
        this.messages = messages;
        this.attribution = attribution;
        this.inputs = inputs;
        this.storedPath = storedPath;
        this.sender = sender;
        this.messageIdDomain = messageIdDomain;
        this.correctionWait = correctionWait;
        this.clock = clock;
    }

    /** The checker of typed values (states, cities, periods, dates) this service uses. */
    public CaseInputs inputs() {
        return inputs;
    }

    /** Every case matching {@code query}, with or without a proposal, newest first. */
    public List<CaseListing> list(CaseQuery query, int limit) {
        attribution.attributeNew();
        return work.listings().list(query, limit);
    }

    /** Like {@link #list}, each case handed to {@code each} as it is read: the whole register printed without holding it. */
    public void forEach(CaseQuery query, int limit, java.util.function.Consumer<CaseListing> each) {
        attribution.attributeNew();
        work.listings().forEach(query, limit, each);
    }

    /** Like {@link #forEach} with only the columns of a listed line (table and CSV of {@code list --cases}). */
    public void forEachLine(CaseQuery query, int limit, java.util.function.Consumer<cn.gdhrss.intake.register.CaseLine> each) {
        attribution.attributeNew();
        work.listings().forEachLine(query, limit, each);
    }

    public Optional<CaseListing> find(String reference) {
        attribution.attributeNew();
        return work.listings().find(CaseInputs.normalisedReference(reference));
    }

    /** The case {@code reference}, or a {@link CaseWorkException} saying it does not exist. */
    public CaseListing require(String reference) {
        return find(reference).orElseThrow(() -> new CaseWorkException(
                "没有编号为 " + reference.strip() + " 的案件；案件编号形如 XZY-2026-0001", Remedy.FIND_CASE));
    }

    /** Words separated by blanks, all of which must occur (see {@link cn.gdhrss.intake.register.CaseSearchRepository#search}). */
    public List<CaseListing> search(String text, int limit) {
        List<String> words = Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            throw new CaseWorkException("请给出要查找的文字，如职业名称、申报单位、联系人、电话或邮箱。");
        }
        attribution.attributeNew();
        return work.search().search(words, limit);
    }

    /** The whole case: proposal with findings by box, versions with what changed, files, replies, reviews, notes, audit. */
    public CaseSheet show(String reference) {
        CaseListing listing = require(reference);
        Proposal proposal = listing.proposalId() == null ? null : forms.findProposal(listing.proposalId()).orElse(null);
        List<CaseVersionRecord> versions = cases.listVersions(listing.id());
        List<CaseSheet.Version> shown = new ArrayList<>();
        List<CaseSheet.FiledAttachment> files = new ArrayList<>();
        Proposal previous = null;
        for (CaseVersionRecord version : versions) {
            Proposal current = proposalOf(version);
            MessageRecord message = messages.find(version.messageId()).orElse(null);
            List<String> changes = previous == null || current == null ? List.of() : ProposalFields.changes(previous, current);
            shown.add(new CaseSheet.Version(version.version(), version.messageId(), message == null ? "" : message.subject(),
                    message == null ? "" : message.fromAddress(), message == null ? version.createdAt() : message.receivedAt(),
                    current != null, version.errorCount(), version.warningCount(), changes));
            previous = current == null ? previous : current;
            messages.listAttachments(version.messageId()).forEach(attachment -> files.add(new CaseSheet.FiledAttachment(
                    version.version(), version.messageId(), attachment,
                    attachment.sha256() == null ? null : storedPath.apply(attachment.sha256()).toString())));
        }
        List<CaseAuditRecord> audit = work.listings().listAudit(listing.reference()).stream().map(CaseService::inWords).toList();
        return new CaseSheet(listing, proposal, proposal != null ? proposal.findings() : forms.listMessageFindings(listing.latestMessage()),
                shown, files, cases.listOutbox(listing.id()), audit.stream().filter(line -> line.kind().equals("note")).toList(),
                audit, cases.listEvents(listing.id()).stream().map(CaseService::inWords).toList(), work.listings().listMergedInto(listing.reference()));
    }

    /** The register keeps state codes in a state change ("city_passed → province_cultivate"); staff read the states' names. */
    private static CaseAuditRecord inWords(CaseAuditRecord line) {
        if (!line.kind().equals("state")) {
            return line;
        }
        return new CaseAuditRecord(line.at(), line.actor(), line.kind(), stateWords(line.detail()));
    }

    private static CaseEventRecord inWords(CaseEventRecord event) {
        return event.kind().equals("state")
                ? new CaseEventRecord(event.caseId(), event.messageId(), event.at(), event.kind(), stateWords(event.detail())) : event;
    }

    private static String stateWords(String detail) {
        return STATE_CODE.matcher(detail).replaceAll(code -> CaseState.labelOf(code.group()));
    }

    private @Nullable Proposal proposalOf(CaseVersionRecord version) {
        if (version.formSeq() == null) {
            return null;
        }
        for (StoredDocument document : forms.listDocuments(version.messageId())) {
            if (document.attachmentSeq() == version.formSeq() && document.proposal() != null) {
                return document.proposal();
            }
        }
        return null;
    }

    /**
     * Records 地市初审 (results pass, fail) or 省级论证 (pass, cultivate, fail) under notice 159's
     * rules and moves the case's state with it. A province review needs a passed city review, or a
     * 省属 case; a case with open errors is passed only with {@code force} and a note saying why.
     */
    public ReviewRecord review(String reference, String stage, String result, String note, String by, boolean force) {
        CaseListing listing = require(reference);
        ReviewRules.Decision decision = ReviewRules.check(listing, stage, result, note, force);
        String bounded = bounded(note, MAX_NOTE_LENGTH);
        ReviewRecord review = new ReviewRecord(listing.reference(), decision.stage(), decision.result(), bounded, by, clock.instant());
        work.actions().addReview(review, decision.state().code(), ReviewRules.describe(review)
                + (decision.forced() ? "（案件尚有 " + listing.openErrors() + " 处错误，经工作人员确认仍予通过）" : ""));
        return review;
    }

    /**
     * Staff set the city and/or period of a case (null leaves it). A case without a place yet (one
     * without a proposal) is given one, its period defaulting to that of its receipt. Returns what changed.
     */
    public List<String> assign(String reference, @Nullable String city, @Nullable String period, String by) {
        if ((city == null || city.isBlank()) && (period == null || period.isBlank())) {
            throw new CaseWorkException("", Remedy.CHOOSE_CHANGE);
        }
        String cityName = city == null || city.isBlank() ? null : inputs.city(city);
        LocalDate periodDate = period == null || period.isBlank() ? null : inputs.period(period);
        CaseListing listing = require(reference);
        List<String> changed = new ArrayList<>();
        if (listing.period() == null) {
            LocalDate placedPeriod = periodDate != null ? periodDate
                    : attribution.periodOfReceipt(listing.receivedAt());
            String placedCity = cityName != null ? cityName : CityDecision.UNDECIDED;
            work.places().placeByStaff(listing.reference(), placedCity, placedPeriod, by);
            changed.add("城市 " + placedCity + "，报送期 " + placedPeriod);
            return changed;
        }
        if (cityName != null) {
            work.places().assignCity(listing.reference(), cityName, by);
            changed.add("城市改为 " + cityName);
        }
        if (periodDate != null) {
            work.places().assignPeriod(listing.reference(), periodDate, by);
            changed.add("报送期改为 " + periodDate);
        }
        return changed;
    }

    /** Merges {@code reference} into {@code into}: a same-name proposal whose occupation {@code into} carries on (已合并). */
    public void merge(String reference, String into, String note, String by) {
        merge(reference, into, note, by, false);
    }

    /**
     * Merges {@code reference} into {@code into}. With {@code duplicate} it is the same proposal sent
     * a second time (state 重复); without, a proposal of the same or a similar occupation whose
     * material {@code into} carries on (state 已合并). Either way it leaves the procedure and the summary.
     */
    public void merge(String reference, String into, String note, String by, boolean duplicate) {
        CaseListing merged = require(reference);
        CaseListing target = require(into);
        if (merged.id() == target.id()) {
            throw new CaseWorkException("不能把案件并入它自己", Remedy.OTHER_CASE);
        }
        if (CaseState.MERGED.code().equals(merged.status()) || CaseState.DUPLICATE.code().equals(merged.status())) {
            String how = CaseState.MERGED.code().equals(merged.status()) ? " 已并入 " : " 已标为重复于 ";
            throw new CaseWorkException(merged.reference() + how + merged.mergedInto() + "，不能再次合并。");
        }
        if (stateOf(merged).isClosed()) {
            throw new CaseWorkException(merged.reference() + " 的状态是“" + stateOf(merged).label() + "”，不能再合并。");
        }
        if (stateOf(target).isClosed()) {
            throw new CaseWorkException(target.reference() + " 的状态是“" + stateOf(target).label() + "”，不能作为合并目标；请并入仍在办理的案件。");
        }
        String detail = note.isBlank() ? "" : "（" + bounded(note, MAX_NOTE_LENGTH) + "）";
        if (duplicate) {
            work.actions().markDuplicate(merged.reference(), target.reference(), CaseState.DUPLICATE.code(), by, detail);
        } else {
            work.actions().merge(merged.reference(), target.reference(), CaseState.MERGED.code(), by, detail);
        }
    }

    /** A note of staff on the case; {@code done} also clears the case's flag (what was flagged is dealt with). */
    public void note(String reference, String text, String by, boolean done) {
        CaseListing listing = require(reference);
        if (text.isBlank()) {
            throw new CaseWorkException("备注内容不能为空。");
        }
        work.actions().addNote(listing.reference(), bounded(text.strip(), MAX_NOTE_LENGTH), by, done);
    }

    /** The stamped paper copy the notice requires arrived on {@code date} (not in the future). */
    public LocalDate paper(String reference, String date, String by) {
        LocalDate received = inputs.date(date, "纸质材料收到日期");
        if (received.isAfter(LocalDate.now(clock.withZone(CaseAttribution.BEIJING)))) {
            throw new CaseWorkException("纸质材料收到日期不能晚于今天，不是“" + date + "”。");
        }
        CaseListing listing = require(reference);
        work.actions().setPaperReceived(listing.reference(), received, by);
        return received;
    }

    /**
     * Follows staff's class for message {@code messageId} on the cases it was filed into (issues 8
     * and 10). Called anything but a submission, a case none of whose messages is still a submission
     * leaves the procedure as 非申报; called a submission again, a 非申报 case gets back the state its
     * findings give: 待补正 with open errors, else 材料齐全 after a correction, else 已收到. Audited;
     * returns each case changed with its new state, e.g. "XZY-2026-0001 → 非申报".
     */
    public List<String> followMailClass(long messageId, boolean submission, String by) {
        List<String> changed = new ArrayList<>();
        for (CaseRecord filed : cases.listCasesOfMessage(messageId)) {
            CaseState state = CaseState.fromCode(filed.status()).orElse(CaseState.RECEIVED);
            List<CaseVersionRecord> versions = cases.listVersions(filed.id());
            CaseState next = submission ? stateFromFindings(state, versions) : notSubmission(state, versions);
            if (next != state) {
                work.actions().changeState(filed.reference(), next.code(), by, "classify", "邮件 " + messageId + " 由工作人员归为"
                        + (submission ? "申报材料，案件按核对结果恢复为“" : "非申报邮件，案件状态为“") + next.label() + "”");
                changed.add(filed.reference() + " → " + next.label());
            }
        }
        return changed;
    }

    private CaseState notSubmission(CaseState state, List<CaseVersionRecord> versions) {
        boolean anySubmission = versions.stream().anyMatch(version -> messages.findMailClass(version.messageId())
                .map(found -> found.mailClass().equals(MailClass.SUBMISSION.code())).orElse(true));
        return state.isClosed() || anySubmission ? state : CaseState.NOT_SUBMISSION;
    }

    private static CaseState stateFromFindings(CaseState state, List<CaseVersionRecord> versions) {
        if (state != CaseState.NOT_SUBMISSION || versions.isEmpty()) {
            return state;
        }
        CaseVersionRecord latest = versions.get(versions.size() - 1);
        return latest.errorCount() > 0 ? CaseState.NEEDS_CORRECTION : versions.size() > 1 ? CaseState.COMPLETE : CaseState.RECEIVED;
    }

    /** The applicant withdrew the proposal: the case leaves the procedure (state 已撤回). */
    public void withdraw(String reference, String note, String by) {
        CaseListing listing = require(reference);
        CaseState state = stateOf(listing);
        if (state.isClosed()) {
            throw new CaseWorkException(listing.reference() + " 的状态已是“" + state.label() + "”，不能撤回。");
        }
        work.actions().changeState(listing.reference(), CaseState.WITHDRAWN.code(), by, "withdrawn",
                "申报已撤回" + (note.isBlank() ? "" : "（" + bounded(note, MAX_NOTE_LENGTH) + "）"));
    }

    /**
     * Queues a staff letter to the applicant of the case (or {@code to}) in the outbox, threaded
     * under the case's last message, and hands it to the sender. Returns the outbox row.
     */
    public OutboxRecord reply(String reference, String subject, String text, @Nullable String to, String by) {
        CaseListing listing = require(reference);
        if (text.isBlank()) {
            throw new CaseWorkException("信件正文为空", Remedy.WRITE_LETTER);
        }
        if (text.length() > MAX_LETTER_LENGTH) {
            throw new CaseWorkException("信件正文过长（" + text.length() + " 字），请控制在 " + MAX_LETTER_LENGTH + " 字以内。");
        }
        MessageRecord last = messages.find(listing.latestMessage()).orElse(null);
        String recipient = recipientOf(to, last, listing);
        List<String> thread = new ArrayList<>(work.listings().listMessageIdsOfCase(listing.id()));
        cases.listOutbox(listing.id()).forEach(row -> thread.add(row.messageId()));
        String answered = last == null || last.messageId() == null ? "" : last.messageId();
        long id = cases.inTransaction(transaction -> transaction.queueMail(StaffLetter.compose(listing.reference(), listing.id(),
                recipient, subject.isBlank() ? "关于您申报的新职业建议书" : subject, text, answered, thread, messageIdDomain)));
        work.actions().addNote(listing.reference(), "工作人员致函 " + recipient + "（外发编号 " + id + "）", by, false);
        sender.sendDue();
        return cases.listOutbox(listing.id()).stream().filter(row -> row.id() == id).findFirst().orElseThrow();
    }

    private static String recipientOf(@Nullable String to, @Nullable MessageRecord last, CaseListing listing) {
        String wanted = to != null && !to.isBlank() ? to
                : last != null && !last.replyTo().isBlank() ? last.replyTo()
                : last != null ? last.fromAddress() : listing.sender();
        return StaffLetter.validAddress(bareAddress(wanted)).orElseThrow(() -> new CaseWorkException(
                "收件地址“" + wanted + "”不是有效的电子邮箱", Remedy.GIVE_ADDRESS));
    }

    private static String bareAddress(String header) {
        int open = header.lastIndexOf('<');
        int close = header.lastIndexOf('>');
        return open >= 0 && close > open ? header.substring(open + 1, close) : header.strip();
    }

    /** How many cases are in each state, by state code (for {@code status} and the console's front page). */
    public java.util.Map<String, Integer> countByState() {
        return work.listings().countByState();
    }

    /** What needs staff, most urgent first (see {@link TodoItem#kind}). */
    public List<TodoItem> todo(List<OutboxRecord> troubledReplies) {
        attribution.attributeNew();
        return new TodoList(work.todo(), cases, clock, correctionWait).build(troubledReplies);
    }

    /**
     * {@link #todo} as the plain {@code todo} prints it: every item its own group, but the reviews
     * due of one kind, city and period one group, of which only the first {@code shown} are read.
     */
    public List<TodoGroup> todoGrouped(List<OutboxRecord> troubledReplies, int shown) {
        attribution.attributeNew();
        return new TodoList(work.todo(), cases, clock, correctionWait).buildGrouped(troubledReplies, shown);
    }

    static CaseState stateOf(CaseListing listing) {
        return CaseState.fromCode(listing.status()).orElse(CaseState.RECEIVED);
    }

    static String bounded(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
