package cn.gdhrss.intake.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signs that a message was sent to many people by a machine: lists, newsletters, marketing,
 * notifications of web services, and the spam verdict of the office's own mail server. Each sign
 * found is a Chinese reason for staff; none means the message may be from a person.
 */
final class BulkSignals {
    /** RFC 2369 and RFC 2919 list headers; RFC 8058 one-click unsubscribe; Google's Feedback-ID. */
    private static final List<String> LIST_HEADERS = List.of(
            "list-id", "list-unsubscribe", "list-unsubscribe-post", "list-post", "list-help", "list-subscribe",
            "list-owner", "list-archive", "mailing-list", "x-mailing-list", "feedback-id");
    /** Headers the common bulk senders stamp on every message they send for a customer. */
    private static final Set<String> BULK_MAILER_HEADERS = Set.of(
            "x-campaign", "x-campaignid", "x-campaign-id", "x-mailchimp-campaign", "x-mc-user", "x-mandrill-user",
            "x-sg-eid", "x-sg-id", "x-ses-outgoing", "x-mailgun-sid", "x-mailgun-tag", "x-mailjet-campaign",
            "x-pm-message-id", "x-sfmc-stack", "x-marketo-id", "x-mktmailer", "x-newsletter", "x-report-abuse",
            "x-csa-complaints", "x-smtpapi", "x-edm-id", "x-edm-task", "x-ems-uid", "x-rpcampaign", "x-bulkmail",
            "x-mailer-sid", "x-listmember", "x-list-unsubscribe", "x-sendcloud-id", "x-sohu-sendcloud",
            "x-webpower-id", "x-msys-api", "x-spmta", "x-ewp-mailing-id", "x-github-reason", "x-gitlab-project",
            "x-jira-fingerprint", "x-redmine-project", "x-bugzilla-reason", "x-launchpad-bug", "x-linkedin-class",
            "x-facebook-notify", "x-notifications", "x-auto-generated", "x-mailer-type");
    private static final Pattern BULK_MAILER = Pattern.compile(
            "(?i).*(mailchimp|sendgrid|sendinblue|brevo|mailgun|constant ?contact|campaign|newsletter|phplist|sendy|"
                    + "mailpoet|acymailing|interspire|aweber|getresponse|klaviyo|hubspot|marketo|salesforce|exacttarget|"
                    + "edm|群发|营销|webpower|sendcloud|mass ?mail|bulk).*");
    private static final Pattern SPAM_SUBJECT = Pattern.compile("(?i)^\\s*(\\*+\\s*spam\\s*\\*+|\\[spam]|\\{spam}|【垃圾邮件】|\\[垃圾邮件]|\\(垃圾邮件\\)).*");
    private static final Pattern YES = Pattern.compile("(?i)\\s*(yes|true|1|spam)\\b.*");
    private static final Pattern RSPAMD_SPAM_ACTION = Pattern.compile("(?i)\\s*(reject|add header|rewrite subject|soft reject|quarantine|discard).*");

    private BulkSignals() {}

    /** Lists, newsletters, bulk senders (Precedence, List-*, Feedback-ID, mailer signatures). */
    static List<String> bulk(IncomingMail mail) {
        List<String> reasons = new ArrayList<>();
        String precedence = mail.value("precedence").trim().toLowerCase(Locale.ROOT);
        if (precedence.matches("bulk|junk|list|auto_reply")) {
            reasons.add("邮件标有 Precedence: " + precedence + "（群发或邮件列表）");
        }
        LIST_HEADERS.stream().filter(mail::has).findFirst()
                .ifPresent(header -> reasons.add("邮件带有群发邮件或邮件列表的标记（" + display(header) + "）"));
        mail.headers().keySet().stream().filter(BULK_MAILER_HEADERS::contains).findFirst()
                .ifPresent(header -> reasons.add("邮件由群发或通知系统发出（" + display(header) + "）"));
        String mailer = mail.value("x-mailer") + " " + mail.value("user-agent");
        if (BULK_MAILER.matcher(mailer).matches()) {
            reasons.add("发信软件是群发系统（" + HeaderSafe.text(mailer.strip(), 60) + "）");
        }
        if (mail.has("x-auto-response-suppress")) {
            reasons.add("发件方要求不自动回复（X-Auto-Response-Suppress）");
        }
        return reasons;
    }

    /**
     * The verdict of the office's spam filter: SpamAssassin ({@code X-Spam-Flag}, {@code X-Spam-Status}),
     * Rspamd ({@code X-Spam}, {@code X-Rspamd-Action}, {@code X-Spamd-Result}), Coremail and other
     * gateways that write a {@code *-Spam-Flag} header or tag the subject.
     */
    static List<String> spam(IncomingMail mail, String subject) {
        List<String> reasons = new ArrayList<>();
        for (String header : mail.headers().keySet()) {
            boolean flag = header.equals("x-spam") || header.equals("x-spam-flag") || header.equals("x-spam-status")
                    || header.contains("spam") && (header.endsWith("-flag") || header.endsWith("-verdict") || header.endsWith("spam"));
            if (flag && YES.matcher(mail.value(header)).matches()) {
                reasons.add("邮件服务器判定为垃圾邮件（" + display(header) + ": " + HeaderSafe.text(mail.value(header), 30) + "）");
                return reasons;
            }
        }
        if (RSPAMD_SPAM_ACTION.matcher(mail.value("x-rspamd-action")).matches()) {
            reasons.add("邮件服务器判定为垃圾邮件（X-Rspamd-Action: " + HeaderSafe.text(mail.value("x-rspamd-action"), 30) + "）");
        } else if (mail.value("x-spamd-result").matches("(?is)\\s*default:\\s*true.*")) {
            reasons.add("邮件服务器判定为垃圾邮件（X-Spamd-Result）");
        } else if (SPAM_SUBJECT.matcher(subject).matches()) {
            reasons.add("邮件服务器在主题上标了垃圾邮件");
        }
        return reasons;
    }

    private static String display(String header) {
        StringBuilder name = new StringBuilder(header.length());
        boolean start = true;
        for (char c : header.toCharArray()) {
            name.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return name.toString().replace("-Id", "-ID");
    }
}
