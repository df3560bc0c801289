package cn.gdhrss.intake.casework;

import cn.gdhrss.intake.register.CaseRecord;
import cn.gdhrss.intake.register.CaseRepository;
import cn.gdhrss.intake.register.MailClassRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.MessageStatus;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.OutboxRepository;
import cn.gdhrss.intake.pipeline.AnswerStep;
import cn.gdhrss.intake.reply.MailClass;
import cn.gdhrss.intake.reply.OutboxSender;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Staff work on messages and outgoing mail, for the command line and the web console: reclassify
 * a message (issue 10), reprocess it (it stays in its case and gets no second reply), resend an
 * outgoing mail, and the mail that is no case (unrelated, automatic, failed).
 */
public final class MailDesk {
    /** The classes staff may give a message; automatic is the program's own finding. */
    public static final List<MailClass> STAFF_CLASSES = List.of(MailClass.SUBMISSION, MailClass.ENQUIRY, MailClass.UNRELATED);
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(cn.gdhrss.intake.report.CaseAttribution.BEIJING);

    /** A message that is no case: why, and its class. */
    public record LooseMessage(MessageRecord message, MailClassRecord mailClass) {
        public String classLabel() {
            return message.status().equals(MessageRepository.FAILED) ? "处理失败" : MailClass.labelOf(mailClass.mailClass());
        }

        /** The class's reasons, or for a failed message why it failed. */
        public String reason() {
            return message.status().equals(MessageRepository.FAILED) ? message.statusReason().isEmpty() ? message.lastError()
                    : message.statusReason() : mailClass.reasons();
        }
    }

    private final MessageRepository messages;
    private final CaseRepository cases;
    private final OutboxRepository outbox;
    private final OutboxSender sender;
    private final CaseService caseService;
    private final Runnable processPending;

    /** @param processPending runs the processing steps on every pending message (the intake's lock held) */
    public MailDesk(MessageRepository messages, CaseRepository cases, OutboxRepository outbox, OutboxSender sender,
            CaseService caseService, Runnable processPending) {
        this.messages = messages;
        this.cases = cases;
        this.outbox = outbox;
        this.sender = sender;
        this.caseService = caseService;
        this.processPending = processPending;
    }

    /** The class staff typed: its code or Chinese name, one of {@link #STAFF_CLASSES}. */
    public static MailClass staffClass(String typed) {
        return MailClass.parse(typed).filter(STAFF_CLASSES::contains).orElseThrow(() -> new CaseWorkException(
                "类别应为 submission（申报材料）、enquiry（咨询）或 unrelated（无关邮件），不是“" + typed + "”。"));
    }

    /** A message after staff classed it, and its cases whose state followed ("XZY-2026-0001 → 非申报"). */
    public record Classified(MessageRecord message, List<String> caseChanges) {
        public Classified {
            caseChanges = List.copyOf(caseChanges);
        }
    }

    /**
     * Staff's class for message {@code id}: its cases follow (非申报, or back from it, see
     * {@link CaseService#followMailClass}), then the answer step runs on it at once (each letter at most once).
     */
    public Classified classify(long id, MailClass mailClass, String by) {
        String reason = "工作人员指定为“" + mailClass.label() + "”";
        if (!messages.classifyByStaff(id, mailClass.code(), reason, AnswerStep.FROM_STATUS,
                List.of(AnswerStep.ANSWERED, AnswerStep.NO_REPLY))) {
            throw noMessage(id);
        }
        // Before the pass: a case restored from 非申报 is then refiled by intake like any other.
        List<String> changes = caseService.followMailClass(id, mailClass == MailClass.SUBMISSION, by);
        processPending.run();
        return new Classified(messages.find(id).orElseThrow(), changes);
    }

    /** Reads message {@code id} again from its archived bytes; replies only if {@code reply} and its result changed. */
    public MessageRecord reprocess(long id, boolean reply) {
        if (!messages.reprocess(id, MessageStatus.RECEIVED.code(), reply)) {
            throw noMessage(id);
        }
        processPending.run();
        return messages.find(id).orElseThrow();
    }

    public List<String> casesOf(long messageId) {
        return cases.listCasesOfMessage(messageId).stream().map(CaseRecord::reference).toList();
    }

    /** Queues outgoing mail {@code id} again and tries it at once; one already sent needs {@code force}. */
    public OutboxRecord resend(long id, boolean force) {
        OutboxRecord row = outbox.find(id).orElseThrow(() -> new CaseWorkException("没有编号为 " + id + " 的外发邮件", Remedy.FIND_OUTGOING));
        if (OutboxRepository.SENT.equals(row.state()) && !force) {
            throw new CaseWorkException("外发邮件 " + id + " 已于 " + (row.sentAt() == null ? "此前" : LOCAL.format(row.sentAt()))
                    + " 发送成功，对方已收到", Remedy.RESEND_SENT);
        }
        if (!outbox.requeue(id)) {
            throw new CaseWorkException("外发邮件 " + id + " 正在发送中，请稍后再试。");
        }
        sender.sendDue();
        return outbox.find(id).orElse(row);
    }

    /** Messages that opened no case: unrelated, automatic and failed ones, newest first, at most {@code limit}. */
    public List<LooseMessage> listLoose(int limit) {
        return messages.list(limit).stream()
                .map(message -> new LooseMessage(message, messages.findMailClass(message.id()).orElse(new MailClassRecord("", "", ""))))
                .filter(loose -> loose.message().status().equals(MessageRepository.FAILED)
                        || loose.mailClass().mailClass().equals(MailClass.UNRELATED.code())
                        || loose.mailClass().mailClass().equals(MailClass.AUTOMATIC.code()))
                .toList();
    }

    private static CaseWorkException noMessage(long id) {
        return new CaseWorkException("没有编号为 " + id + " 的邮件", Remedy.FIND_MESSAGE);
    }
}
