package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSessionFactoryTest {

    @Test
    void plainImapWithStartTlsRequiresIt() {
        Properties properties = properties("imap", true, true);
        assertThat(properties).containsEntry("mail.imap.starttls.enable", "true").containsEntry("mail.imap.starttls.required", "true");
    }

    @Test
    void plainPop3WithStartTlsRequiresStls() {
        assertThat(properties("pop3", true, true)).containsEntry("mail.pop3.starttls.required", "true");
    }

    @Test
    void implicitTlsHasNoStartTls() {
        assertThat(properties("imaps", true, true)).doesNotContainKey("mail.imaps.starttls.enable");
    }

    @Test
    void verifiesCertificateAndHostNameByDefault() {
        Properties properties = properties("imaps", false, true);
        assertThat(properties).containsEntry("mail.imaps.ssl.checkserveridentity", "true").doesNotContainKey("mail.imaps.ssl.trust");
    }

    @Test
    void trustsAnyCertificateOnlyWhenVerificationIsOff() {
        Properties properties = properties("pop3s", false, false);
        assertThat(properties).containsEntry("mail.pop3s.ssl.trust", "*").containsEntry("mail.pop3s.ssl.checkserveridentity", "false");
    }

    @Test
    void imapPeeksAndFetchesInBoundedChunks() {
        Properties properties = properties("imaps", false, true);
        assertThat(properties).containsEntry("mail.imaps.peek", "true").containsEntry("mail.imaps.partialfetch", "true")
                .containsEntry("mail.imaps.fetchsize", Integer.toString(MailSessionFactory.IMAP_FETCH_BYTES));
    }

    @Test
    void timeoutsComeFromTheSettingsInMilliseconds() {
        Properties properties = properties("imap", false, true);
        assertThat(properties).containsEntry("mail.imap.connectiontimeout", "7000").containsEntry("mail.imap.timeout", "7000");
    }

    @Test
    void clientIdIsAsciiAndNamesTheOfficeAddress() {
        assertThat(ImapConnections.clientId(settings("imap", false, true)))
                .containsEntry("name", "gdhrss-intake").containsEntry("support-email", "office@163.com")
                .allSatisfy((key, value) -> assertThat(value).matches("\\p{ASCII}+"));
    }

    private static Properties properties(String protocol, boolean startTls, boolean verifyTls) {
        return MailSessionFactory.properties(settings(protocol, startTls, verifyTls), Duration.ofSeconds(7));
    }

    private static MailboxSettings settings(String protocol, boolean startTls, boolean verifyTls) {
        return new MailboxSettings(protocol, "imap.163.com", 993, "office@163.com", Optional.of("x"), "INBOX", startTls, verifyTls,
                Path.of("unused"), AfterCommit.SEEN, "已处理", false, Duration.ofSeconds(7));
    }
}
