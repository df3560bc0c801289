package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.SampleMails;
import cn.gdhrss.intake.SampleMails.Part;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way a submission goes, through real servers of our own on loopback (Debian's Postfix
 * and Dovecot, throwaway configurations under a temporary folder): the applicant's mail is sent
 * through Postfix, which delivers it into the Maildir our Dovecot serves; a pass takes it over
 * IMAP (or POP3) and sends the receipt through the same Postfix to the applicant's mailbox on that
 * Dovecot, where it is read back over IMAP as the applicant's mail program would.
 */
@Tag("e2e")
class MailRoundTripE2EIT {
    static final String OFFICE = "jnzx_zzyfk@gd.gov.cn";
    static final String APPLICANT = "wangjing@example.cn";
    static final String SUBMISSION_ID = "<01-valid.eml@example.cn>";

    @TempDir
    Path dir;

    private OwnDovecot dovecot;
    private OwnPostfix postfix;

    @BeforeEach
    void startServers() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dovecot = new OwnDovecot(dir.resolve("dovecot"), List.of("intake", "applicant"));
        postfix = new OwnPostfix(dir.resolve("postfix"), "gd.gov.cn, example.cn", dovecot.home(),
                "inline:{" + OFFICE + "=intake/Maildir/, @example.cn=applicant/Maildir/}");
        dovecot.start();
    }

    @AfterEach
    void stopServers() throws Exception {
        if (postfix != null) {
            postfix.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void submissionSentThroughPostfixIsTakenOverImapAndTheReceiptReadBackOverImap() throws Exception {
        roundTrip("imap", dovecot.imapPort());
    }

    @Test
    void submissionSentThroughPostfixIsTakenOverPop3AndTheReceiptReadBackOverImap() throws Exception {
        roundTrip("pop3", dovecot.pop3Port());
    }

    private void roundTrip(String protocol, int port) throws Exception {
        sendThroughPostfix(postfix.port(), submission(dir.resolve("outgoing")));
        awaitFiles(dovecot.maildir("intake").resolve("new"), 1, postfix);

        try (App app = app(protocol, port)) {
            PassResult pass = app.intake().pollMailbox().orElseThrow();
            assertThat(pass.error()).isEmpty();
            assertThat(pass.newCount()).isOne();
            MessageRecord message = app.messages().list(10).get(0);
            assertThat(message.status()).isEqualTo("answered");
            assertThat(message.mailbox()).startsWith(protocol + "://intake@127.0.0.1");
            assertThat(app.outbox().list(10)).singleElement().extracting(row -> row.state()).isEqualTo("sent");
        }

        MimeMessage receipt = readInbox("applicant", dovecot.imapPort(), postfix).get(0);
        assertThat(receipt.getSubject()).isEqualTo("[XZY-2026-0001] 回执：已收到新职业建议书（低空飞行器运维员）");
        assertThat(receipt.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(receipt.getHeader("In-Reply-To", null)).isEqualTo(SUBMISSION_ID);
        assertThat(receipt.getHeader("References", null)).contains(SUBMISSION_ID);
        assertThat(receipt.getHeader("Received", null)).contains("mx.test.local");
        assertThat(((InternetAddress) receipt.getFrom()[0]).getPersonal()).isEqualTo("广东省职业技能服务指导中心");
        assertThat(textOf(receipt)).contains("XZY-2026-0001", "低空飞行器运维员", "广东省职业技能服务指导中心");
    }

    /** The applicant's proposal: a real .docx 新职业建议书 from the template, as a mail program sends it. */
    static Path submission(Path folder) throws Exception {
        Files.createDirectories(folder);
        SampleMails.write(folder, "01-valid.eml", APPLICANT, "",
                List.of(new Part("新职业建议书-低空飞行器运维员.docx", SampleMails.proposal(Map.of("张三", "王静")))));
        return folder.resolve("01-valid.eml");
    }

    /** Sends the file as it is (its own Message-ID kept: no saveChanges) to our office address. */
    static void sendThroughPostfix(int port, Path raw) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.from", APPLICANT);
        Session session = Session.getInstance(properties);
        MimeMessage message;
        try (InputStream in = Files.newInputStream(raw)) {
            message = new MimeMessage(session, in);
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(OFFICE)});
        }
    }

    /** Waits for Postfix to deliver {@code count} messages into a Maildir folder. */
    static void awaitFiles(Path folder, int count, OwnPostfix postfix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(folder)) {
                if (files.count() >= count) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Postfix delivered fewer than " + count + " messages into " + folder + ": "
                + Files.readString(postfix.log(), StandardCharsets.UTF_8));
    }

    /** The user's INBOX over IMAP once something is in it, copied out before the connection closes. */
    static List<MimeMessage> readInbox(String user, int port, OwnPostfix postfix) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Store store = session.getStore("imap")) {
                store.connect(user, OwnDovecot.PASSWORD);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    if (inbox.getMessageCount() > 0) {
                        return Stream.of(inbox.getMessages()).map(MailRoundTripE2EIT::copy).toList();
                    }
                } finally {
                    inbox.close(false);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " received nothing: " + Files.readString(postfix.log(), StandardCharsets.UTF_8));
    }

    private static MimeMessage copy(Message message) {
        try {
            return new MimeMessage((MimeMessage) message);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String textOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            return (String) multipart.getBodyPart(0).getContent();
        }
        return (String) content;
    }

    private App app(String protocol, int port) {
        Map<String, String> values = new HashMap<>(Map.of(
                "mailbox.protocol", protocol,
                "mailbox.host", "127.0.0.1",
                "mailbox.port", String.valueOf(port),
                "mailbox.user", "intake",
                "mailbox.password.env", "DOVECOT_TEST_PASSWORD",
                "mailbox.starttls", "false",
                "mailbox.timeout.seconds", "20"));
        values.putAll(Map.of(
                "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(postfix.port()),
                "smtp.security", "none",
                "smtp.timeout.seconds", "20"));
        return new App(dir.resolve("data"), new Settings(dir.resolve("none"), values, Map.of("DOVECOT_TEST_PASSWORD", OwnDovecot.PASSWORD)),
                Clock.systemUTC());
    }
}
