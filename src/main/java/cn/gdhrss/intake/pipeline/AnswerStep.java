package cn.gdhrss.intake.pipeline;

import cn.gdhrss.intake.reply.AuthenticationResults;
import cn.gdhrss.intake.reply.AutoReplyPolicy;
import cn.gdhrss.intake.reply.Classification;
import cn.gdhrss.intake.reply.ComposedMail;
import cn.gdhrss.intake.reply.HeaderSafe;
import cn.gdhrss.intake.reply.IncomingMail;
import cn.gdhrss.intake.reply.IncomingMailReader;
import cn.gdhrss.intake.reply.MailClass;
import cn.gdhrss.intake.reply.MessageClassifier;
import cn.gdhrss.intake.reply.OutboxSender;
import cn.gdhrss.intake.reply.ReplyComposer;
import cn.gdhrss.intake.reply.ReplyVerdict;
import cn.gdhrss.intake.casefile.CaseFiler;
import cn.gdhrss.intake.casefile.CaseReferences;
import cn.gdhrss.intake.casefile.FiledCase;
import cn.gdhrss.intake.casefile.Filing;
import cn.gdhrss.intake.casefile.Refiling;
import cn.gdhrss.intake.casefile.Submission;
import cn.gdhrss.intake.casefile.SubmissionLoader;
import cn.gdhrss.intake.config.ReplySettings;
import cn.gdhrss.intake.intake.MessageHeaders;
import cn.gdhrss.intake.intake.RawArchive;
import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.CaseRepository;
import cn.gdhrss.intake.register.CaseTransaction;
import cn.gdhrss.intake.register.MailClassRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageStatus;
import cn.gdhrss.intake.register.NewOutgoingMail;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.StoredHeaders;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code answer} step ({@code parsed} → {@code answered} or {@code no_reply}). In one transaction
 * it records what the message is (issue 10: submission, enquiry, unrelated, automatic, or the class
 * staff gave it), files a submission into its case(s), queues the one letter the class calls for in
 * the outbox (or none, with the reason), and moves the message on; a crash before the commit leaves nothing, so
 * the step simply runs again. New replies are then handed to the sender within the same pass.
 */
public final class AnswerStep implements ProcessingStep {
    public static final String FROM_STATUS = MessageStatus.PARSED.code();
    public static final String ANSWERED = MessageStatus.ANSWERED.code();
    public static final String NO_REPLY = MessageStatus.NO_REPLY.code();
    private static final Logger LOG = LoggerFactory.getLogger(AnswerStep.class);
    private static final int MAX_THREAD_IDS = 30;
    private static final Duration DAY = Duration.ofDays(1);
    private static final List<String> SUBMISSION_LETTERS = List.of(ReplyComposer.RECEIPT, ReplyComposer.CORRECTION,
            ReplyComposer.BATCH_RECEIPT, ReplyComposer.BATCH_CORRECTION, ReplyComposer.RESUBMISSION_ACK);

    private final RawArchive archive;
    private final SubmissionLoader loader;
    private final CaseRepository cases;
    private final ReplySettings settings;
    private final ReplyComposer composer;
    private final @Nullable OutboxSender sender;
    private final IncomingMailReader reader;
    private final AutoReplyPolicy policy;
    private final MessageClassifier classifier;
    private final CaseFiler filer = new CaseFiler();
    /** Set by an outcome that queued a letter; read and cleared after the commit (processing thread only). */
    private boolean queuedSinceCommit;

    /** @param sender delivers new replies right after the commit; null to leave them to the sender job */
    public AnswerStep(RawArchive archive, SubmissionLoader loader, CaseRepository cases, ReplySettings settings,
            ReplyComposer composer, @Nullable OutboxSender sender) {
        this.archive = archive;
        this.loader = loader;
        this.cases = cases;
        this.settings = settings;
        this.composer = composer;
        this.sender = sender;
        this.reader = new IncomingMailReader(settings.messageIdDomain());
        this.policy = new AutoReplyPolicy(settings.ownAddresses());
        this.classifier = new MessageClassifier(policy, new AuthenticationResults(settings.trustedAuthservIds()));
    }

    @Override
    public String name() {
        return "answer";
    }

    @Override
    public MessageStatus fromStatus() {
        return MessageStatus.PARSED;
    }

    @Override
    public void apply(MessageRecord message) throws Exception {
        prepare(message).run().write();
        afterCommit();
    }

    /** The stored headers are read here, the raw message's body scan is the work, and the rest the outcome. */
    @Override
    public Work prepare(MessageRecord message) throws IOException {
        StoredHeaders headers = storedHeaders(message);
        return () -> {
            IncomingMail mail = reader.read(headers, archive.resolve(message.rawPath()));
            return () -> answerMessage(message, headers, mail);
        };
    }

    /** New letters are handed to the sender once their queue rows are committed, never before. */
    @Override
    public void afterCommit() {
        boolean send = queuedSinceCommit;
        queuedSinceCommit = false;
        if (send && sender != null && settings.sendInPass()) {
            sender.sendDue();
        }
    }

    private void answerMessage(MessageRecord message, StoredHeaders headers, IncomingMail mail) {
        List<String> people = union(headers.replyTo(), headers.from());
        List<String> senders = union(people, headers.returnPath());
        ReplyVerdict verdict = policy.decide(mail, senders, message.subject());
        if (verdict.bounce()) {
            cases.inTransaction(transaction -> {
                record(transaction, message, new Classification(MailClass.AUTOMATIC, List.of(verdict.reason()), false), false);
                return recordBounce(transaction, message, mail, verdict);
            });
            return;
        }
        Submission submission = loader.load(message);
        List<String> thread = threadIds(mail);
        Optional<String> recipient = people.stream().findFirst();
        boolean queued = cases.inTransaction(transaction -> {
            Optional<MailClassRecord> byStaff = transaction.findMailClass(message.id()).filter(MailClassRecord::isByStaff);
            Classification classification = byStaff.map(AnswerStep::staffClass).orElseGet(() -> classifier.classify(mail, senders,
                    message.subject(), message.bodyText(), submission.attachments(),
                    !submission.proposals().isEmpty() || !submission.summaryTables().isEmpty(),
                    isInOurThread(transaction, mail, thread, message.subject())));
            record(transaction, message, classification, byStaff.isPresent());
            String silence = silence(classification, verdict, byStaff.isPresent());
            return switch (classification.mailClass()) {
                case SUBMISSION -> answer(transaction, submission, silence, people, thread, recipient);
                case ENQUIRY -> acknowledge(transaction, message, silence, recipient, thread);
                case UNRELATED, AUTOMATIC -> moveOn(transaction, message, NO_REPLY,
                        classification.mailClass().label() + "，不回复：" + String.join("；", classification.reasons()));
            };
        });
        queuedSinceCommit |= queued;
    }

    /**
     * The headers intake stored (issue 11). A message registered before they were stored has none:
     * they are then read once from its raw file with intake's decoder and kept, so old registers work.
     */
    private StoredHeaders storedHeaders(MessageRecord message) throws IOException {
        Optional<StoredHeaders> stored = cases.findHeaders(message.id());
        if (stored.isPresent()) {
            return stored.get();
        }
        StoredHeaders read = MessageHeaders.read(archive.resolve(message.rawPath())).stored();
        cases.storeHeaders(message.id(), read);
        LOG.info("Message {}: headers registered before V13, read once from the archive and kept", message.id());
        return read;
    }

    private static Classification staffClass(MailClassRecord record) {
        MailClass mailClass = MailClass.parse(record.mailClass()).orElse(MailClass.UNRELATED);
        return new Classification(mailClass, List.of(record.reasons().isBlank() ? "工作人员指定" : record.reasons()), true);
    }

    private static void record(CaseTransaction transaction, MessageRecord message, Classification classification, boolean byStaff) {
        transaction.recordMailClass(message.id(), classification.mailClass().code(), classification.reasonText(),
                byStaff ? MailClassRecord.STAFF : MailClassRecord.AUTO);
    }

    /** Why no automatic mail may go out, whatever the class calls for; null when one may. */
    private @Nullable String silence(Classification classification, ReplyVerdict verdict, boolean byStaff) {
        if (!settings.enabled()) {
            return "自动回复已在配置中关闭（reply.enabled=false）";
        }
        if (byStaff) {
            return verdict.code().equals("own_address") ? verdict.reason() : null;
        }
        if (!classification.replyAllowed()) {
            return String.join("；", classification.reasons().subList(Math.min(1, classification.reasons().size() - 1),
                    classification.reasons().size()));
        }
        return verdict.reply() ? null : verdict.reason();
    }

    /** A person answering one of our mails, or quoting a reference of ours. */
    private static boolean isInOurThread(CaseTransaction transaction, IncomingMail mail, List<String> thread, String subject) {
        return !CaseReferences.find(subject).isEmpty() || !transaction.listCasesOfThread(thread).isEmpty()
                || !transaction.listOutboxByMessageIds(thread).isEmpty();
    }

    private boolean answer(CaseTransaction transaction, Submission submission, @Nullable String silenceReason, List<String> people,
            List<String> thread, Optional<String> recipient) {
        MessageRecord message = submission.message();
        if (message.messageId() != null && transaction.isMessageIdHandled(message.messageId(), message.id())) {
            return moveOn(transaction, message, NO_REPLY, "同一封邮件（Message-ID 相同）已经处理并回复过，不再重复回复");
        }
        List<CaseRecord> already = transaction.listCasesOfMessage(message.id());
        Refiling refiling = already.isEmpty() ? null : filer.refile(transaction, submission, already);
        if (refiling != null && (!refiling.changed() || !transaction.isReplyRequested(message.id()))) {
            return keepAnswer(transaction, message, refiling);
        }
        Filing filing = refiling == null ? filer.file(transaction, submission, people, thread) : refiling.filing();
        String silence = silenceReason != null ? silenceReason
                : recipient.isEmpty() ? "发件人地址无效，无法自动回复"
                : refiling == null && transaction.countLettersOf(message.id(), SUBMISSION_LETTERS) > 0 ? "这封邮件的回执或补正通知已经发过，不再重复"
                : capReason(transaction, recipient.get(), filing);
        if (silence != null) {
            boolean flag = silenceReason == null;
            filing.cases().forEach(one -> transaction.addCaseEvent(one.caseRecord().id(), message.id(), "no_reply",
                    "未自动回复：" + silence, flag));
            return moveOn(transaction, message, NO_REPLY, silence + "（已归入 " + referencesOf(filing) + "）");
        }
        ComposedMail reply = composer.compose(filing);
        transaction.queueMail(outgoing(message, filing, reply, recipient.get(), thread));
        transaction.moveMessage(message.id(), FROM_STATUS, ANSWERED, "", ANSWERED,
                "已自动回复 " + recipient.get() + "《" + reply.subject() + "》，受理编号 " + referencesOf(filing));
        return true;
    }

    /**
     * A reprocessed message stays in its case(s) and gets no second reply (issue 8), unless its
     * outcome changed and staff asked for one ({@code reprocess ID --reply}); the message keeps the
     * status of its first answer.
     */
    private static boolean keepAnswer(CaseTransaction transaction, MessageRecord message, Refiling refiling) {
        String references = referencesOf(refiling.filing());
        String why = refiling.changed()
                ? "重新处理：结果有变（" + String.join("；", refiling.changes()) + "），未再回复（reprocess 加 --reply 才回复）"
                : "重新处理：仍归入 " + references + "，结果未变，未再回复";
        refiling.filing().cases().forEach(one -> transaction.addCaseEvent(one.caseRecord().id(), message.id(), "reprocessed", why, false));
        return moveOn(transaction, message, transaction.countRepliesToMessage(message.id()) > 0 ? ANSWERED : NO_REPLY, why);
    }

    /** An enquiry: one acknowledgement that a person will answer; it then waits in the staff's queue. */
    private boolean acknowledge(CaseTransaction transaction, MessageRecord message, @Nullable String silenceReason,
            Optional<String> recipient, List<String> thread) {
        Instant since = transaction.now().minus(DAY);
        String silence = silenceReason != null ? silenceReason
                : recipient.isEmpty() ? "发件人地址无效，无法自动回复"
                : transaction.countLettersOf(message.id(), List.of(ReplyComposer.ENQUIRY_ACK)) > 0 ? "这封咨询的回执已经发过，不再重复"
                : transaction.countRepliesOfKindTo(recipient.get(), ReplyComposer.ENQUIRY_ACK, since) > 0
                        ? "24小时内已向 " + recipient.get() + " 发过咨询回执"
                : transaction.countRepliesTo(recipient.get(), since) >= settings.capPerAddressPerDay()
                        ? "24小时内已向 " + recipient.get() + " 自动回复达到上限 " + settings.capPerAddressPerDay() + " 封"
                : null;
        if (silence != null) {
            return moveOn(transaction, message, NO_REPLY, "咨询，等待工作人员答复；未发咨询回执：" + silence);
        }
        ComposedMail reply = composer.composeEnquiryAck(message);
        String inReplyTo = message.messageId() == null ? "" : HeaderSafe.messageId(message.messageId()).orElse("");
        List<String> references = new ArrayList<>(thread);
        if (!inReplyTo.isEmpty() && !references.contains(inReplyTo)) {
            references.add(inReplyTo);
        }
        String messageId = "enquiry." + UUID.randomUUID() + "@" + settings.messageIdDomain();
        transaction.queueMail(new NewOutgoingMail(message.id(), "", reply.kind(), recipient.get(), reply.subject(), messageId,
                inReplyTo, references.subList(Math.max(0, references.size() - 10), references.size()), reply.bodyText(),
                reply.bodyHtml(), List.of()));
        transaction.moveMessage(message.id(), FROM_STATUS, ANSWERED, "咨询，等待工作人员答复", ANSWERED,
                "咨询：已发咨询回执给 " + recipient.get() + "，等待工作人员答复");
        return true;
    }

    /** The hard caps (issue 4): whatever the headers say, a loop stops after a few mails a day. */
    private @Nullable String capReason(CaseTransaction transaction, String recipient, Filing filing) {
        Instant since = transaction.now().minus(DAY);
        int toAddress = transaction.countRepliesTo(recipient, since);
        if (toAddress >= settings.capPerAddressPerDay()) {
            return "24小时内已向 " + recipient + " 自动回复 " + toAddress + " 封，达到上限 " + settings.capPerAddressPerDay() + " 封";
        }
        for (FiledCase one : filing.cases()) {
            int forCase = transaction.countRepliesForCase(one.caseRecord().id(), since);
            if (forCase >= settings.capPerCasePerDay()) {
                return "24小时内已就 " + one.caseRecord().reference() + " 自动回复 " + forCase + " 封，达到上限 "
                        + settings.capPerCasePerDay() + " 封";
            }
        }
        return null;
    }

    private NewOutgoingMail outgoing(MessageRecord message, Filing filing, ComposedMail reply, String recipient,
            List<String> thread) {
        String inReplyTo = message.messageId() == null ? "" : HeaderSafe.messageId(message.messageId()).orElse("");
        List<String> references = new ArrayList<>(thread);
        if (!inReplyTo.isEmpty()) {
            references.remove(inReplyTo);
            references.add(inReplyTo);
        }
        String reference = filing.cases().get(0).caseRecord().reference();
        String messageId = reference.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID() + "@" + settings.messageIdDomain();
        return new NewOutgoingMail(message.id(), reference, reply.kind(), recipient, reply.subject(), messageId, inReplyTo,
                references.subList(Math.max(0, references.size() - 10), references.size()),
                reply.bodyText(), reply.bodyHtml(), filing.cases().stream().map(one -> one.caseRecord().id()).toList());
    }

    /** A bounce of one of our replies is recorded, flagged, on the case(s) that reply was about. */
    private boolean recordBounce(CaseTransaction transaction, MessageRecord message, IncomingMail mail, ReplyVerdict verdict) {
        List<String> ours = union(mail.mentionedOwnIds(), threadIds(mail));
        List<OutboxRecord> returned = transaction.listOutboxByMessageIds(ours);
        Set<String> references = new LinkedHashSet<>();
        for (OutboxRecord row : returned) {
            for (long caseId : transaction.listCaseIdsOfOutbox(row.id())) {
                transaction.addCaseEvent(caseId, message.id(), "bounce", "发往 " + row.to() + " 的回复邮件（外发编号 "
                        + row.id() + "）被退回：" + HeaderSafe.text(message.subject(), 200), true);
            }
            references.add(row.reference());
        }
        String where = references.isEmpty() ? "未找到对应的回复邮件" : "已记录在 " + String.join("、", references);
        return moveOn(transaction, message, NO_REPLY, verdict.reason().replace("已记录在对应案件上", where));
    }

    private static boolean moveOn(CaseTransaction transaction, MessageRecord message, String status, String reason) {
        if (!transaction.moveMessage(message.id(), FROM_STATUS, status, reason, status, reason)) {
            throw new IllegalStateException("Message " + message.id() + " left status parsed while being answered");
        }
        LOG.info("Message {}: {} ({})", message.id(), status, reason);
        return false;
    }

    private static List<String> threadIds(IncomingMail mail) {
        List<String> ids = new ArrayList<>();
        for (String header : List.of("in-reply-to", "references")) {
            for (String token : mail.value(header).split("[\\s,]+")) {
                HeaderSafe.messageId(token).filter(id -> !ids.contains(id) && ids.size() < MAX_THREAD_IDS).ifPresent(ids::add);
            }
        }
        return ids;
    }

    private static String referencesOf(Filing filing) {
        return String.join("、", filing.cases().stream().map(one -> one.caseRecord().reference()).toList());
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
