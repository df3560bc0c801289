package cn.gdhrss.intake.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in users, in memory (a restart logs everyone out): a random token in the cookie, a random
 * CSRF token for the forms of that session, and an idle timeout.
 */
final class Sessions {
    static final String COOKIE = "xzy_session";

    record Session(String token, Account account, String csrf, Instant lastSeen, String flash) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    Session open(Account account) {
        Session session = new Session(token(), account, token(), clock.instant(), "");
        sessions.put(session.token(), session);
        return session;
    }

    /** The live session of {@code token}, its idle time restarted; empty when unknown or expired. */
    Optional<Session> find(String token) {
        Session session = sessions.get(token);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastSeen().plus(idle).isBefore(now)) {
            sessions.remove(token);
            return Optional.empty();
        }
        Session touched = new Session(session.token(), session.account(), session.csrf(), now, session.flash());
        sessions.put(token, touched);
        return Optional.of(touched);
    }

    /** A one-time message for the next page of the session (the result of an action). */
    void flash(Session session, String message) {
        sessions.computeIfPresent(session.token(),
                (token, current) -> new Session(token, current.account(), current.csrf(), current.lastSeen(), message));
    }

    String takeFlash(Session session) {
        Session current = sessions.get(session.token());
        if (current == null || current.flash().isEmpty()) {
            return "";
        }
        sessions.put(current.token(), new Session(current.token(), current.account(), current.csrf(), current.lastSeen(), ""));
        return current.flash();
    }

    void close(String token) {
        sessions.remove(token);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
