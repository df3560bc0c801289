package cn.gdhrss.intake.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The server replies go out through. An empty {@code host} means none is configured: every
 * outgoing mail is then written as an .eml file under {@code <data>/outbox/} (the embedded default).
 *
 * @param security {@code starttls} (required), {@code smtps} (TLS from the first byte) or {@code none}
 */
public record SmtpSettings(
        String host,
        int port,
        String security,
        String user,
        Optional<String> password,
        boolean verifyTls,
        Duration timeout) {

    public static SmtpSettings from(Settings settings) {
        String security = settings.string("smtp.security", "starttls").toLowerCase(Locale.ROOT);
        if (!security.matches("starttls|smtps|none")) {
            throw ConfigException.wrongValue(settings.source(), "smtp.security", " starttls、smtps 或 none", security);
        }
        return new SmtpSettings(
                settings.string("smtp.host", ""),
                settings.integer("smtp.port", security.equals("smtps") ? 465 : 587),
                security,
                settings.string("smtp.user", ""),
                settings.secret("smtp.password.env"),
                settings.flag("smtp.tls.verify", true),
                Duration.ofSeconds(settings.number("smtp.timeout.seconds", 60)));
    }

    public boolean isConfigured() {
        return !host.isBlank();
    }
}
