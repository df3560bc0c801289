package cn.gdhrss.intake.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where mail is taken from. {@code protocol} is one of maildir, imap, imaps, pop3, pop3s; IMAP and
 * POP3 on a plain port upgrade with STARTTLS when {@code startTls} is set.
 */
public record MailboxSettings(
        String protocol,
        String host,
        int port,
        String user,
        Optional<String> password,
        String folder,
        boolean startTls,
        boolean verifyTls,
        Path maildir,
        AfterCommit after,
        String moveFolder,
        boolean idle,
        Duration timeout) {

    /** What happens on the server once a message is safely in the register. */
    public enum AfterCommit {
        SEEN, MOVE, LEAVE, DELETE;

        static AfterCommit parse(Path source, String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ConfigException.wrongValue(source, "mailbox.after", " seen、move、leave 或 delete", value);
            }
        }
    }

    public static MailboxSettings from(Settings settings, Path dataDir) {
        String protocol = settings.string("mailbox.protocol", "maildir").toLowerCase(Locale.ROOT);
        if (!protocol.matches("maildir|imaps?|pop3s?")) {
            throw ConfigException.wrongValue(settings.source(), "mailbox.protocol", " maildir、imap、imaps、pop3 或 pop3s", protocol);
        }
        String maildir = settings.string("mailbox.maildir", "");
        return new MailboxSettings(
                protocol,
                settings.string("mailbox.host", "localhost"),
                settings.integer("mailbox.port", defaultPort(protocol)),
                settings.string("mailbox.user", ""),
                settings.secret("mailbox.password.env"),
                settings.string("mailbox.folder", "INBOX"),
                settings.flag("mailbox.starttls", true),
                settings.flag("mailbox.tls.verify", true),
                maildir.isEmpty() ? dataDir.resolve("mailbox") : Path.of(maildir),
                AfterCommit.parse(settings.source(), settings.string("mailbox.after", "seen")),
                settings.string("mailbox.move.folder", "已处理"),
                settings.flag("mailbox.idle", false),
                Duration.ofSeconds(settings.number("mailbox.timeout.seconds", 60)));
    }

    public boolean isMaildir() {
        return protocol.equals("maildir");
    }

    /** A stable name for the register: the same mailbox keeps its checkpoints across restarts. */
    public String mailboxName() {
        if (isMaildir()) {
            return "maildir:" + maildir.toAbsolutePath().normalize();
        }
        return protocol + "://" + user + "@" + host + ":" + port + "/" + folder;
    }

    private static int defaultPort(String protocol) {
        return switch (protocol) {
            case "imap" -> 143;
            case "imaps" -> 993;
            case "pop3" -> 110;
            case "pop3s" -> 995;
            default -> 0;
        };
    }
}
