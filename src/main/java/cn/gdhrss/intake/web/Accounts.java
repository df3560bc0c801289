package cn.gdhrss.intake.web;

import cn.gdhrss.intake.config.ConfigException;
import cn.gdhrss.intake.config.WebSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console's accounts, from {@code web.user.NAME = ROLE [CITY] BCRYPT-HASH} lines, and the
 * lockout: after {@code lockoutAttempts} failed logins in a row a name is refused for
 * {@code lockoutTime}, whatever the password (unknown names are counted the same, so a refusal
 * tells nothing about which names exist).
 */
public final class Accounts {
    /** Compared against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private static final int MAX_TRACKED = 10_000;
    private static final String NO_USER_HASH = new BCryptPasswordEncoder().encode("no such user");

    private record Entry(Account account, String hash) {}

    private record Failures(int count, Instant lockedUntil) {}

    public sealed interface Outcome {}

    public record Accepted(Account account) implements Outcome {}

    public record Refused(boolean locked) implements Outcome {}

    private final Map<String, Entry> entries;
    private final int lockoutAttempts;
    private final Duration lockoutTime;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public Accounts(WebSettings settings, Clock clock) {
        Map<String, Entry> read = new LinkedHashMap<>();
        settings.users().forEach((name, line) -> read.put(name, entryOf(name, line)));
        this.entries = Map.copyOf(read);
        this.lockoutAttempts = Math.max(1, settings.lockoutAttempts());
        this.lockoutTime = settings.lockoutTime();
        this.clock = clock;
    }

    private static Entry entryOf(String name, String line) {
        String[] parts = line.strip().split("\\s+");
        Role role = Role.parse(parts[0]).orElseThrow(() -> new ConfigException("配置文件中的 " + WebSettings.USER_PREFIX + name
                + " 开头的角色只能是 province、city 或 reader，现为“" + parts[0] + "”；请用 ./run.sh user add 重新添加该账户。"));
        int expected = role == Role.CITY ? 3 : 2;
        if (parts.length != expected || !parts[parts.length - 1].startsWith("$2")) {
            throw new ConfigException("配置文件中的 " + WebSettings.USER_PREFIX + name + " 应写成“" + role.code()
                    + (role == Role.CITY ? " 城市" : "") + " 密码的 bcrypt 散列”，现为“" + line + "”；请用 ./run.sh user add 重新添加该账户。");
        }
        return new Entry(new Account(name, role, role == Role.CITY ? parts[1] : ""), parts[parts.length - 1]);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Checks the password of {@code name}; a locked name is refused without looking at the password. */
    public Outcome login(String name, String password) {
        String key = name.strip();
        Failures before = failures.get(key);
        Instant now = clock.instant();
        if (before != null && before.lockedUntil().isAfter(now)) {
            return new Refused(true);
        }
        Entry entry = entries.get(key);
        boolean matches = encoder.matches(password, entry == null ? NO_USER_HASH : entry.hash()) && entry != null;
        if (matches) {
            failures.remove(key);
            return new Accepted(entry.account());
        }
        if (failures.size() >= MAX_TRACKED) {
            // Names typed at random must not fill the memory; the locks in force are kept.
            failures.values().removeIf(failure -> !failure.lockedUntil().isAfter(now));
        }
        int count = (before == null || !before.lockedUntil().equals(Instant.EPOCH) ? 0 : before.count()) + 1;
        boolean locked = count >= lockoutAttempts;
        failures.put(key, new Failures(locked ? 0 : count, locked ? now.plus(lockoutTime) : Instant.EPOCH));
        return new Refused(locked);
    }

    /** The account still configured under {@code name} (a session ends when its account is removed). */
    public Optional<Account> find(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::account);
    }

    /** A bcrypt hash of {@code password}, as {@code user add} writes it. */
    public static String hash(String password) {
        return new BCryptPasswordEncoder().encode(password);
    }
}
