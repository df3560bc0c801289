package cn.gdhrss.intake.intake;

import static cn.gdhrss.intake.intake.GreenMailboxes.EMAIL;
import static cn.gdhrss.intake.intake.GreenMailboxes.PASSWORD;
import static cn.gdhrss.intake.intake.GreenMailboxes.USER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapSourceIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(GreenMailboxes.servers(ServerSetupTest.IMAP, ServerSetupTest.IMAPS));

    private GreenMailUser user;

    @BeforeEach
    void createUser() {
        user = GREEN_MAIL.setUser(EMAIL, USER, PASSWORD);
    }

    @Test
    void listsEveryMessageWithUidValidityDateAndSize() throws Exception {
        deliver("申报一");
        deliver("申报二");
        try (ImapSource source = imap("INBOX", AfterCommit.SEEN)) {
            source.open();
            List<SourceMessage> pending = source.pending(FixedMailboxState.empty());

            assertThat(pending).extracting(SourceMessage::uid).containsExactly("1", "2");
            assertThat(pending).allSatisfy(message -> {
                assertThat(message.uidValidity()).isEqualTo(source.uidValidity()).isPositive();
                assertThat(message.receivedAt()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
                assertThat(message.size()).isGreaterThan(200_000);
            });
        }
    }

    @Test
    void streamsTheRawBytesAsDelivered() throws Exception {
        byte[] delivered = deliver("关于申报“无人机装调检修工”新职业的建议");
        try (ImapSource source = imap("INBOX", AfterCommit.SEEN)) {
            source.open();
            SourceMessage message = source.pending(FixedMailboxState.empty()).get(0);
            byte[] read;
            try (InputStream raw = source.openRaw(message)) {
                read = raw.readAllBytes();
            }
            assertThat(TestMessages.sha256(read)).isEqualTo(TestMessages.sha256(delivered));
            assertThat(read).isEqualTo(delivered);
        }
    }

    @Test
    void streamsALargeMessageInPartialPeekFetches() throws Exception {
        byte[] delivered = TestMessages.large("大附件", 3 * MailSessionFactory.IMAP_FETCH_BYTES + 12345);
        user.deliver(TestMessages.parse(delivered));
        java.io.ByteArrayOutputStream trace = new java.io.ByteArrayOutputStream();
        MailboxSettings settings = GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), "INBOX", AfterCommit.SEEN);
        jakarta.mail.Session session = MailSessionFactory.create(settings);
        session.setDebug(true);
        session.setDebugOut(new java.io.PrintStream(trace, true, java.nio.charset.StandardCharsets.UTF_8));
        try (ImapSource source = new ImapSource(settings, session)) {
            source.open();
            try (InputStream raw = source.openRaw(source.pending(FixedMailboxState.empty()).get(0))) {
                assertThat(TestMessages.sha256(raw.readAllBytes())).isEqualTo(TestMessages.sha256(delivered));
            }
        }
        List<String> fetches = java.util.regex.Pattern.compile("FETCH \\d+ \\(BODY[^)]*\\)")
                .matcher(trace.toString(java.nio.charset.StandardCharsets.UTF_8)).results()
                .map(java.util.regex.MatchResult::group).toList();
        int block = MailSessionFactory.IMAP_FETCH_BYTES;
        assertThat(fetches).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(fetch -> assertThat(fetch).contains("BODY.PEEK[]<").endsWith("." + block + ">)"))
                .contains("FETCH 1 (BODY.PEEK[]<0." + block + ">)", "FETCH 1 (BODY.PEEK[]<" + 3 * block + "." + block + ">)");
    }

    @Test
    void readingDoesNotSetSeen() throws Exception {
        deliver("只读不标记");
        try (ImapSource source = imap("INBOX", AfterCommit.SEEN)) {
            source.open();
            try (InputStream raw = source.openRaw(source.pending(FixedMailboxState.empty()).get(0))) {
                raw.readAllBytes();
            }
        }
        assertThat(inboxFlags()).singleElement().satisfies(flags -> assertThat(flags.contains(Flags.Flag.SEEN)).isFalse());
    }

    @Test
    void listsOnlyUidsAboveTheCheckpoint() throws Exception {
        deliver("一");
        deliver("二");
        deliver("三");
        try (ImapSource source = imap("INBOX", AfterCommit.SEEN)) {
            source.open();
            List<SourceMessage> pending = source.pending(FixedMailboxState.at(source.uidValidity(), 2));
            assertThat(pending).extracting(SourceMessage::uid).containsExactly("3");
        }
    }

    @Test
    void listsNothingWhenTheCheckpointIsAtTheLastUid() throws Exception {
        deliver("一");
        deliver("二");
        try (ImapSource source = imap("INBOX", AfterCommit.SEEN)) {
            source.open();
            assertThat(source.pending(FixedMailboxState.at(source.uidValidity(), 2))).isEmpty();
        }
    }

    @Test
    void listsEverythingAgainWhenUidValidityChanged() throws Exception {
        deliver("一");
        deliver("二");
        try (ImapSource source = imap("INBOX", AfterCommit.SEEN)) {
            source.open();
            List<SourceMessage> pending = source.pending(FixedMailboxState.at(source.uidValidity() + 1, 2));
            assertThat(pending).extracting(SourceMessage::uid).containsExactly("1", "2");
        }
    }

    @Test
    void skipsTakenUids() throws Exception {
        deliver("一");
        deliver("二");
        try (ImapSource source = imap("INBOX", AfterCommit.SEEN)) {
            source.open();
            List<SourceMessage> pending = source.pending(FixedMailboxState.taking(source.uidValidity(), "1"));
            assertThat(pending).extracting(SourceMessage::uid).containsExactly("2");
        }
    }

    @Test
    void readsAFolderWithAChineseName() throws Exception {
        byte[] delivered = TestMessages.proposal("文件夹里的申报");
        try (ImapInspector inspector = inspector()) {
            inspector.create("新职业申报");
            inspector.append("新职业申报", delivered);
        }
        try (ImapSource source = imap("新职业申报", AfterCommit.SEEN)) {
            source.open();
            SourceMessage message = source.pending(FixedMailboxState.empty()).get(0);
            try (InputStream raw = source.openRaw(message)) {
                assertThat(raw.readAllBytes()).isEqualTo(delivered);
            }
        }
    }

    @Test
    void namesTheMailboxByProtocolUserHostPortAndFolder() {
        MailboxSettings settings = GreenMailboxes.settings("imap", 143, "新职业申报", AfterCommit.SEEN);
        assertThat(new ImapSource(settings).mailbox()).isEqualTo("imap://office@127.0.0.1:143/新职业申报");
    }

    private ImapSource imap(String folder, AfterCommit after) {
        return new ImapSource(GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), folder, after));
    }

    private byte[] deliver(String subject) {
        byte[] raw = TestMessages.proposal(subject);
        user.deliver(TestMessages.parse(raw));
        return raw;
    }

    private List<Flags> inboxFlags() throws Exception {
        try (ImapInspector inspector = inspector()) {
            return inspector.flags("INBOX");
        }
    }

    private ImapInspector inspector() throws Exception {
        return new ImapInspector(GREEN_MAIL.getImap().getPort(), USER, PASSWORD);
    }
}
