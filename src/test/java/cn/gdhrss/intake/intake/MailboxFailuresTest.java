package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class MailboxFailuresTest {
    private static final MailboxSettings SETTINGS = new MailboxSettings("imaps", "imap.163.com", 993, "office@163.com",
            Optional.of("x"), "新职业申报", false, true, Path.of("unused"), AfterCommit.SEEN, "已处理", false, Duration.ofSeconds(20));

    @Test
    void namesTheMailboxInEveryMessage() {
        MailboxUnavailableException failure = MailboxFailures.unavailable(SETTINGS, new MessagingException("odd"));
        assertThat(failure).hasMessageContaining("imaps://office@163.com@imap.163.com:993/新职业申报").hasMessageContaining("odd");
        assertThat(failure.reason()).contains("无法读取邮箱");
    }

    @Test
    void refusedConnection() {
        MailboxUnavailableException failure = MailboxFailures.unavailable(SETTINGS,
                new MessagingException("Couldn't connect to host, port: imap.163.com, 993; timeout 20000",
                        new ConnectException("Connection refused")));
        assertThat(failure).hasMessageContaining("connection to imap.163.com:993 refused");
        assertThat(failure.reason()).contains("连接被拒绝");
    }

    @Test
    void unknownHost() {
        MessagingException wrapped = new MessagingException("Couldn't connect", new UnknownHostException("imap.163.com"));
        assertThat(MailboxFailures.unavailable(SETTINGS, wrapped).reason()).contains("找不到邮件服务器“imap.163.com”");
    }

    @Test
    void timeoutSaysHowLongItWaited() {
        MessagingException wrapped = new MessagingException("Couldn't connect", new SocketTimeoutException("connect timed out"));
        MailboxUnavailableException failure = MailboxFailures.unavailable(SETTINGS, wrapped);
        assertThat(failure).hasMessageContaining("did not answer within 20 s");
        assertThat(failure.reason()).contains("20 秒内没有响应");
    }

    @Test
    void untrustedCertificate() {
        MessagingException wrapped = new MessagingException("Couldn't connect",
                new SSLHandshakeException("PKIX path building failed"));
        MailboxUnavailableException failure = MailboxFailures.unavailable(SETTINGS, wrapped);
        assertThat(failure).hasMessageContaining("TLS").hasMessageContaining("PKIX path building failed");
        assertThat(failure.reason()).contains("证书不受信任");
    }

    @Test
    void refusedLogin() {
        MailboxUnavailableException failure = MailboxFailures.unavailable(SETTINGS,
                new AuthenticationFailedException("NO LOGIN Login error password error"));
        assertThat(failure).hasMessageContaining("login refused");
        assertThat(failure.reason()).contains("拒绝登录").contains("office@163.com");
    }

    @Test
    void missingFolder() {
        MailboxUnavailableException failure = MailboxFailures.unavailable(SETTINGS, new FolderNotFoundException());
        assertThat(failure.reason()).contains("没有文件夹“新职业申报”");
    }

    @Test
    void startTlsMissingOnTheServer() {
        MailboxUnavailableException failure = MailboxFailures.unavailable(SETTINGS,
                new MessagingException("STARTTLS is required but host does not support STARTTLS"));
        assertThat(failure.reason()).contains("mailbox.starttls=false");
    }

    @Test
    void keepsTheCause() {
        AuthenticationFailedException cause = new AuthenticationFailedException("no");
        assertThat(MailboxFailures.unavailable(SETTINGS, cause)).hasCause(cause);
    }

    @Test
    void reasonFallsBackToTheMessageForTheOldConstructors() {
        assertThat(new MailboxUnavailableException("Maildir cannot be read").reason()).isEqualTo("Maildir cannot be read");
    }
}
