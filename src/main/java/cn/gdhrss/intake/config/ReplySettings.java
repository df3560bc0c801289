package cn.gdhrss.intake.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Automatic replies (issue 4): who they come from, the caps that stop mail loops whatever the
 * headers say, the templates, and how the outbox retries.
 *
 * @param messageIdDomain the right-hand side of our Message-IDs
 * @param ownAddresses addresses that are ours: mail from them is never answered
 * @param templates the staff-editable FreeMarker templates
 * @param sendInPass deliver new replies at the end of the pass that registered the mail
 * @param trustedAuthservIds authserv-ids of the office's receiving servers whose
 *     Authentication-Results (RFC 8601) are believed, lower case; empty believes none
 */
public record ReplySettings(
        boolean enabled,
        String from,
        String fromName,
        String messageIdDomain,
        Set<String> ownAddresses,
        int capPerAddressPerDay,
        int capPerCasePerDay,
        Path templates,
        boolean sendInPass,
        String senderCron,
        Duration retryInitial,
        Duration retryMax,
        int maxAttempts,
        int warnAfter,
        Set<String> trustedAuthservIds) {

    public ReplySettings {
        ownAddresses = Set.copyOf(ownAddresses);
        trustedAuthservIds = Set.copyOf(trustedAuthservIds);
    }

    public static ReplySettings from(Settings settings) {
        String from = settings.string("reply.from", "jnzx_zzyfk@gd.gov.cn").trim();
        Set<String> own = new LinkedHashSet<>();
        own.add(from.toLowerCase(Locale.ROOT));
        addresses(settings.string("reply.own-addresses", "")).forEach(own::add);
        String mailboxUser = settings.string("mailbox.user", "");
        if (mailboxUser.contains("@")) {
            own.add(mailboxUser.toLowerCase(Locale.ROOT));
        }
        return new ReplySettings(
                settings.flag("reply.enabled", true),
                from,
                settings.string("reply.from-name", "广东省职业技能服务指导中心"),
                settings.string("reply.message-id-domain", from.substring(from.indexOf('@') + 1)),
                own,
                settings.integer("reply.cap.per-address-per-day", 5),
                settings.integer("reply.cap.per-case-per-day", 5),
                Path.of(settings.string("reply.templates", "templates")),
                settings.flag("reply.send-in-pass", true),
                settings.cron("reply.sender.cron", "0/30 * * * * ?"),
                Duration.ofSeconds(settings.number("reply.retry.initial-seconds", 60)),
                Duration.ofSeconds(settings.number("reply.retry.max-seconds", 3600)),
                settings.integer("reply.max-attempts", 12),
                settings.integer("reply.warn-after", 3),
                Set.copyOf(addresses(settings.string("mail.trusted-authserv-ids", ""))));
    }

    private static List<String> addresses(String list) {
        return Arrays.stream(list.split("[,;\\s]+"))
                .map(address -> address.trim().toLowerCase(Locale.ROOT))
                .filter(address -> !address.isEmpty())
                .toList();
    }
}
