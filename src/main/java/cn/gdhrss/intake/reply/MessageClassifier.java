package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.attachment.MailAddresses;
import cn.gdhrss.intake.register.AttachmentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells submissions, enquiries, unrelated and automatic mail apart (issue 10), the way well-run
 * responders do: first what the headers prove (RFC 3834 automatic mail, bounces, lists and bulk
 * senders, the office server's spam verdict, a trusted Authentication-Results that says the From
 * domain failed SPF/DKIM/DMARC), then what the message carries (forms, documents, videos), then its
 * words (about the collection or not, asking or not).
 */
public final class MessageClassifier {
    private static final Set<String> AUTOMATIC_CODES = Set.of(
            "bounce", "report", "auto_submitted", "null_return_path", "autoresponder", "auto_subject", "own_address");
    private static final Set<String> MATERIAL_KINDS = Set.of(
            "proposal_form", "summary_table", "pdf", "video", "archive", "document", "link");
    private static final Pattern DAEMON = Pattern.compile("(?i)mailer-daemon|mail[-_.]?daemon|postmaster");

    private static final int OPENING = 300;

    private final AutoReplyPolicy policy;
    private final AuthenticationResults authentication;

    public MessageClassifier(AutoReplyPolicy policy, AuthenticationResults authentication) {
        this.policy = policy;
        this.authentication = authentication;
    }

    /**
     * @param mail the raw headers
     * @param senders valid bare addresses of From, Reply-To and Return-Path
     * @param subject the decoded subject
     * @param bodyText the readable text of the body
     * @param hasForms a 新职业建议书 or 汇总表 was read from the message (not just any Word file)
     * @param inOurThread the message answers one of ours (In-Reply-To, References or a reference in the subject)
     */
    public Classification classify(IncomingMail mail, List<String> senders, String subject, String bodyText,
            List<AttachmentRecord> attachments, boolean hasForms, boolean inOurThread) {
        ReplyVerdict verdict = policy.decide(mail, senders, subject);
        if (verdict.bounce() || AUTOMATIC_CODES.contains(verdict.code()) || isDaemon(verdict, senders)) {
            return new Classification(MailClass.AUTOMATIC, List.of(verdict.reason()), false);
        }
        List<String> blocking = blockingSigns(mail, senders, subject, verdict);
        if (hasForms) {
            List<String> reasons = new ArrayList<>(List.of("附有《新职业建议书》或《新职业信息汇总表》"));
            reasons.addAll(blocking.stream().map(reason -> reason + "，不自动回复").toList());
            return new Classification(MailClass.SUBMISSION, reasons, blocking.isEmpty());
        }
        if (!blocking.isEmpty()) {
            return new Classification(MailClass.UNRELATED, blocking, false);
        }
        return byContent(subject, bodyText, attachments, inOurThread);
    }

    private List<String> blockingSigns(IncomingMail mail, List<String> senders, String subject, ReplyVerdict verdict) {
        List<String> signs = new ArrayList<>();
        String fromDomain = senders.isEmpty() ? "" : MailAddresses.domain(senders.get(0));
        List<String> failures = authentication.failuresFor(mail.headers().getOrDefault("authentication-results", List.of()), fromDomain);
        if (!failures.isEmpty()) {
            signs.add("发件人地址疑似伪造：本机构邮件服务器核验 " + fromDomain + " 未通过（" + String.join("、", failures) + "）");
        }
        signs.addAll(BulkSignals.spam(mail, subject));
        signs.addAll(BulkSignals.bulk(mail));
        if (verdict.code().equals("robot_sender")) {
            signs.add("发件人是不接收回复的通知地址（如 noreply、notification）");
        }
        return signs;
    }

    private static Classification byContent(String subject, String bodyText, List<AttachmentRecord> attachments,
            boolean inOurThread) {
        String words = subject + "\n" + bodyText;
        // Names the extractor gave unnamed parts (未命名附件) say nothing about the sender's language.
        String names = String.join("\n", attachments.stream().map(AttachmentRecord::name)
                .filter(name -> !name.startsWith("未命名附件")).toList());
        List<String> material = attachments.stream().filter(one -> MATERIAL_KINDS.contains(one.kind()))
                .map(one -> one.name().isBlank() ? one.kind() : HeaderSafe.text(one.name(), 60)).limit(3).toList();
        boolean about = ContentSigns.isAboutCollection(words + "\n" + names);
        // A person's question stands near the top; a long text has question words by chance.
        boolean asks = ContentSigns.asksSomething(subject + "\n" + bodyText.substring(0, Math.min(bodyText.length(), OPENING)));
        boolean chinese = ContentSigns.isChinese(words + "\n" + names);
        if (ContentSigns.advertises(words) && !about) {
            return unrelated("内容像广告或推销，与新职业征集无关");
        }
        if (!material.isEmpty() && (about || chinese || inOurThread)) {
            return new Classification(MailClass.SUBMISSION, List.of("附有文件（" + String.join("、", material) + "）"), true);
        }
        if (about && asks || chinese && asks) {
            return new Classification(MailClass.ENQUIRY, List.of(about ? "没有附件，内容是关于新职业征集的提问" : "没有附件，来信人在提问"), true);
        }
        if (inOurThread) {
            return unrelated("回复本机构的邮件，没有附上材料，也没有提问");
        }
        if (about) {
            return new Classification(MailClass.SUBMISSION, List.of("内容与新职业申报有关，但没有附上材料"), true);
        }
        if (!material.isEmpty()) {
            return unrelated("外文邮件，附件（" + String.join("、", material) + "）与新职业征集无关");
        }
        return unrelated(chinese ? "内容与新职业征集无关" : "外文邮件，内容与新职业征集无关");
    }

    private static boolean isDaemon(ReplyVerdict verdict, List<String> senders) {
        return verdict.code().equals("robot_sender")
                && senders.stream().anyMatch(sender -> DAEMON.matcher(MailAddresses.localPart(sender)).matches());
    }

    private static Classification unrelated(String reason) {
        return new Classification(MailClass.UNRELATED, List.of(reason), false);
    }
}
