package cn.gdhrss.intake.config;

import java.time.Duration;
import java.util.Map;

/**
 * The staff web console (issue 9): where it listens, whether a reverse proxy in front of it is
 * trusted for {@code X-Forwarded-Proto}/{@code X-Forwarded-For}, how long a session lasts, when
 * repeated failed logins lock an account, and the accounts ({@code web.user.NAME = ROLE [CITY] HASH}).
 *
 * @param port 0 turns the console off
 * @param pageSize rows on one page of the register
 * @param users raw account lines by user name
 */
public record WebSettings(String host, int port, boolean trustedProxy, Duration sessionIdle, int lockoutAttempts,
        Duration lockoutTime, int pageSize, Map<String, String> users) {
    public static final String USER_PREFIX = "web.user.";

    public WebSettings {
        users = Map.copyOf(users);
    }

    public static WebSettings from(Settings settings) {
        return new WebSettings(
                settings.string("web.host", "127.0.0.1"),
                settings.integer("web.port", 8080),
                settings.flag("web.trusted-proxy", false),
                Duration.ofMinutes(settings.number("web.session-minutes", 480)),
                settings.integer("web.lockout.attempts", 5),
                Duration.ofMinutes(settings.number("web.lockout.minutes", 15)),
                Math.max(1, settings.integer("web.page-size", 50)),
                settings.withPrefix(USER_PREFIX));
    }
}
