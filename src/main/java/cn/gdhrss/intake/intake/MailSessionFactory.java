package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jakarta Mail sessions for the IMAP and POP3 sources: timeouts, STARTTLS and certificate checks
 * taken from the mailbox settings. Every property is set under the protocol's own prefix
 * ({@code mail.imaps.*} for imaps), which is the only one Angus reads for that protocol.
 */
final class MailSessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(MailSessionFactory.class);

    /** IMAP partial FETCH size: large enough for few round trips, small enough to stay out of the heap. */
    static final int IMAP_FETCH_BYTES = 1024 * 1024;

    /** Mailboxes already warned about, so a pass every two minutes does not repeat the warning. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private MailSessionFactory() {}

    static Session create(MailboxSettings settings) {
        return Session.getInstance(properties(settings, settings.timeout()));
    }

    /** A session whose read timeout is {@code readTimeout}, for a connection that waits in IDLE. */
    static Session create(MailboxSettings settings, Duration readTimeout) {
        return Session.getInstance(properties(settings, readTimeout));
    }

    static Properties properties(MailboxSettings settings, Duration readTimeout) {
        String protocol = settings.protocol();
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty(prefix + "connectiontimeout", millis(settings.timeout()));
        properties.setProperty(prefix + "timeout", millis(readTimeout));
        if (isPlain(protocol) && settings.startTls()) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        tls(settings, prefix, properties);
        if (protocol.startsWith("imap")) {
            // Reading never sets \Seen (RFC 3501 §6.4.5 BODY.PEEK); only afterCommit changes flags.
            properties.setProperty(prefix + "peek", "true");
            properties.setProperty(prefix + "partialfetch", "true");
            properties.setProperty(prefix + "fetchsize", Integer.toString(IMAP_FETCH_BYTES));
        }
        return properties;
    }

    private static void tls(MailboxSettings settings, String prefix, Properties properties) {
        if (settings.verifyTls()) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            return;
        }
        if (WARNED.add(settings.mailboxName())) {
            LOG.warn("Mailbox {}: TLS certificates are NOT verified (mailbox.tls.verify=false); "
                    + "anyone on the network path can read the mail and the password", settings.mailboxName());
        }
        properties.setProperty(prefix + "ssl.trust", "*");
        properties.setProperty(prefix + "ssl.checkserveridentity", "false");
    }

    private static boolean isPlain(String protocol) {
        return protocol.equals("imap") || protocol.equals("pop3");
    }

    private static String millis(Duration duration) {
        return Long.toString(Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis())));
    }
}
