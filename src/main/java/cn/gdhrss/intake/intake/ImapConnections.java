package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects and logs in to an IMAP server, then identifies this client (RFC 2971). */
final class ImapConnections {
    private static final Logger LOG = LoggerFactory.getLogger(ImapConnections.class);

    private ImapConnections() {}

    /** A connected, logged-in store; throws {@link MailboxUnavailableException} with the reason. */
    static IMAPStore connect(MailboxSettings settings, Session session) {
        String password = settings.password().orElseThrow(() -> MailboxFailures.noPassword(settings));
        IMAPStore store;
        try {
            store = (IMAPStore) session.getStore(settings.protocol());
        } catch (MessagingException e) {
            throw MailboxFailures.unavailable(settings, e);
        }
        try {
            store.connect(settings.host(), settings.port(), settings.user(), password);
            sendClientId(settings, store);
            return store;
        } catch (MessagingException e) {
            closeQuietly(store);
            throw MailboxFailures.unavailable(settings, e);
        }
    }

    /**
     * NetEase (163, 126, yeah) and Coremail answer SELECT with "NO Unsafe Login" until the client
     * has sent ID. The folder opened next reuses this logged-in connection, so the ID covers it.
     * A server that does not offer ID is not sent one (RFC 2971 §3.1).
     */
    static void sendClientId(MailboxSettings settings, IMAPStore store) throws MessagingException {
        if (!store.hasCapability("ID")) {
            LOG.debug("Mailbox {}: server does not offer ID (RFC 2971), not sent", settings.mailboxName());
            return;
        }
        try {
            Map<String, String> server = store.id(clientId(settings));
            LOG.debug("Mailbox {}: server ID {}", settings.mailboxName(), server);
        } catch (MessagingException e) {
            LOG.debug("Mailbox {}: ID command refused, continuing without it", settings.mailboxName(), e);
        }
    }

    /** RFC 2971 §3.3 fields; ASCII only, since some servers reject 8-bit strings here. */
    static Map<String, String> clientId(MailboxSettings settings) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "gdhrss-intake");
        fields.put("version", "1.0");
        fields.put("vendor", "Guangdong HRSS");
        if (settings.user().contains("@") && settings.user().chars().allMatch(c -> c < 128)) {
            fields.put("support-email", settings.user());
        }
        return fields;
    }

    static void closeQuietly(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException e) {
            LOG.debug("Closing IMAP store failed", e);
        }
    }
}
