package cn.gdhrss.intake.intake;

import static cn.gdhrss.intake.intake.GreenMailboxes.EMAIL;
import static cn.gdhrss.intake.intake.GreenMailboxes.PASSWORD;
import static cn.gdhrss.intake.intake.GreenMailboxes.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way a mailbox can be unreachable ends in one exception that names the mailbox and the reason. */
class ImapFailuresIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(GreenMailboxes.servers(ServerSetupTest.IMAP, ServerSetupTest.IMAPS));

    @BeforeEach
    void createUser() {
        GREEN_MAIL.setUser(EMAIL, USER, PASSWORD);
    }

    @Test
    void refusesASelfSignedCertificateWhenVerifying() {
        MailboxSettings settings = GreenMailboxes.settings("imaps", GREEN_MAIL.getImaps().getPort(), "INBOX", AfterCommit.SEEN);

        MailboxUnavailableException failure = openFailure(settings);

        assertThat(failure).hasMessageContaining(settings.mailboxName()).hasMessageContaining("TLS").hasMessageContaining("certificate");
        assertThat(failure.reason()).contains("证书不受信任").contains("mailbox.tls.verify=false");
    }

    @Test
    void acceptsASelfSignedCertificateWhenVerificationIsOff() throws Exception {
        byte[] delivered = TestMessages.proposal("加密通道");
        GREEN_MAIL.getUserManager().getUser(USER).deliver(TestMessages.parse(delivered));
        MailboxSettings settings = GreenMailboxes.withTls(
                GreenMailboxes.settings("imaps", GREEN_MAIL.getImaps().getPort(), "INBOX", AfterCommit.SEEN), false, false);
        try (ImapSource source = new ImapSource(settings)) {
            source.open();
            try (InputStream raw = source.openRaw(source.pending(FixedMailboxState.empty()).get(0))) {
                assertThat(raw.readAllBytes()).isEqualTo(delivered);
            }
        }
    }

    @Test
    void reportsAServerThatIsDownQuickly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailboxSettings settings = GreenMailboxes.settings("imap", closedPort, "INBOX", AfterCommit.SEEN);

        long started = System.nanoTime();
        MailboxUnavailableException failure = openFailure(settings);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).hasMessageContaining(settings.mailboxName()).hasMessageContaining("refused");
        assertThat(failure.reason()).contains("连接被拒绝").contains("127.0.0.1:" + closedPort);
    }

    @Test
    void reportsAnUnknownHost() {
        MailboxSettings settings = new MailboxSettings("imap", "no-such-host.invalid", 143, USER, Optional.of(PASSWORD), "INBOX",
                false, true, java.nio.file.Path.of("unused"), AfterCommit.SEEN, "已处理", false, Duration.ofSeconds(5));

        MailboxUnavailableException failure = openFailure(settings);

        assertThat(failure).hasMessageContaining("unknown host 'no-such-host.invalid'");
        assertThat(failure.reason()).contains("找不到邮件服务器");
    }

    @Test
    void reportsARefusedLogin() {
        MailboxSettings settings = GreenMailboxes.withPassword(
                GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), "INBOX", AfterCommit.SEEN), "wrong");

        MailboxUnavailableException failure = openFailure(settings);

        assertThat(failure).hasMessageContaining(settings.mailboxName()).hasMessageContaining("login refused");
        assertThat(failure.reason()).contains("拒绝登录");
    }

    @Test
    void reportsAMissingPasswordBeforeConnecting() {
        MailboxSettings base = GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), "INBOX", AfterCommit.SEEN);
        MailboxSettings settings = new MailboxSettings(base.protocol(), base.host(), base.port(), base.user(), Optional.empty(),
                base.folder(), false, true, base.maildir(), base.after(), base.moveFolder(), false, base.timeout());

        assertThat(openFailure(settings).reason()).contains("没有配置邮箱密码");
    }

    @Test
    void reportsAMissingFolder() {
        MailboxSettings settings = GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), "新职业申报", AfterCommit.SEEN);

        MailboxUnavailableException failure = openFailure(settings);

        assertThat(failure).hasMessageContaining("folder '新职业申报' does not exist");
        assertThat(failure.reason()).contains("没有文件夹“新职业申报”");
    }

    @Test
    void reportsAServerWithoutStartTlsWhenItIsRequired() {
        MailboxSettings settings = GreenMailboxes.withTls(
                GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), "INBOX", AfterCommit.SEEN), true, true);

        MailboxUnavailableException failure = openFailure(settings);

        assertThat(failure).hasMessageContaining("STARTTLS is required");
        assertThat(failure.reason()).contains("mailbox.starttls=false");
    }

    private static MailboxUnavailableException openFailure(MailboxSettings settings) {
        try (ImapSource source = new ImapSource(settings)) {
            return catchThrowableOfType(MailboxUnavailableException.class, source::open);
        }
    }
}
