package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.config.SmtpSettings;
import cn.gdhrss.intake.register.OutboxRecord;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Delivers over SMTP: STARTTLS (required, not opportunistic), SMTPS, or plain for a local relay;
 * certificates are checked unless the configuration says otherwise. One connection per message:
 * replies are few, and a fresh connection keeps a failure to the message it concerns.
 */
public final class SmtpTransport implements MailTransport {
    private final SmtpSettings settings;
    private final String envelopeFrom;
    private final Session session;

    public SmtpTransport(SmtpSettings settings, String envelopeFrom) {
        this.settings = settings;
        this.envelopeFrom = envelopeFrom;
        this.session = Session.getInstance(properties());
    }

    private String protocol() {
        return settings.security().equals("smtps") ? "smtps" : "smtp";
    }

    private Properties properties() {
        String prefix = "mail." + protocol() + ".";
        String millis = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        properties.setProperty(prefix + "auth", Boolean.toString(!settings.user().isEmpty()));
        properties.setProperty(prefix + "from", envelopeFrom);
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        if (settings.security().equals("starttls")) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        properties.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(settings.verifyTls()));
        if (!settings.verifyTls()) {
            properties.setProperty(prefix + "ssl.trust", "*");
        }
        return properties;
    }

    @Override
    public String deliver(OutboxRecord row, MimeMessage message, Runnable beforeTransmit) throws DeliveryException {
        try (Transport transport = session.getTransport(protocol())) {
            if (settings.user().isEmpty()) {
                transport.connect();
            } else {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password().orElse(""));
            }
            beforeTransmit.run();
            transport.sendMessage(message, message.getAllRecipients());
            return transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "250";
        } catch (MessagingException e) {
            int code = returnCode(e);
            String answer = code > 0 ? code + " " + describe(e) : describe(e);
            throw new DeliveryException(answer, code >= 500, e);
        }
    }

    /** The SMTP reply code in the exception chain, 0 when the server never answered (connection failed). */
    private static int returnCode(Exception e) {
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (cause instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return 0;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < 600; cause = next(cause)) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(text.length() == 0 ? "" : "; ").append(cause.getMessage().strip());
            }
        }
        return text.toString();
    }

    @Override
    public boolean isIdempotent() {
        return false;
    }

    @Override
    public String describe() {
        return protocol() + "://" + settings.host() + ":" + settings.port();
    }
}
