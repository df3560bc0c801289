package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Mailbox settings pointing at the in-process GreenMail of a test. */
final class GreenMailboxes {
    static final String EMAIL = "office@localhost";
    static final String USER = "office";
    static final String PASSWORD = "s3cret";

    private GreenMailboxes() {}

    /** Dynamic ports, and a startup timeout that survives a busy build machine (IMAPS loads a keystore). */
    static ServerSetup[] servers(ServerSetup... setups) {
        return ServerSetup.createCopy(ServerSetup.dynamicPort(setups), setup -> {
            ServerSetup copy = setup.createCopy();
            copy.setServerStartupTimeout(30_000);
            return copy;
        });
    }

    static MailboxSettings settings(String protocol, int port, String folder, AfterCommit after) {
        return new MailboxSettings(protocol, "127.0.0.1", port, USER, Optional.of(PASSWORD), folder,
                false, true, Path.of("unused"), after, "已处理", false, Duration.ofSeconds(5));
    }

    static MailboxSettings withPassword(MailboxSettings settings, String password) {
        return new MailboxSettings(settings.protocol(), settings.host(), settings.port(), settings.user(),
                Optional.of(password), settings.folder(), settings.startTls(), settings.verifyTls(), settings.maildir(),
                settings.after(), settings.moveFolder(), settings.idle(), settings.timeout());
    }

    static MailboxSettings withTls(MailboxSettings settings, boolean startTls, boolean verifyTls) {
        return new MailboxSettings(settings.protocol(), settings.host(), settings.port(), settings.user(),
                settings.password(), settings.folder(), startTls, verifyTls, settings.maildir(),
                settings.after(), settings.moveFolder(), settings.idle(), settings.timeout());
    }
}
