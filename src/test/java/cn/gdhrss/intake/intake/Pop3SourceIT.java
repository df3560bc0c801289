package cn.gdhrss.intake.intake;

import static cn.gdhrss.intake.intake.GreenMailboxes.EMAIL;
import static cn.gdhrss.intake.intake.GreenMailboxes.PASSWORD;
import static cn.gdhrss.intake.intake.GreenMailboxes.USER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class Pop3SourceIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            GreenMailboxes.servers(ServerSetupTest.POP3, ServerSetupTest.POP3S, ServerSetupTest.IMAP));

    private GreenMailUser user;

    @BeforeEach
    void createUser() {
        user = GREEN_MAIL.setUser(EMAIL, USER, PASSWORD);
    }

    @Test
    void listsMessagesByUidlWithoutUidValidityOrDate() {
        deliver("一");
        deliver("二");
        try (Pop3Source source = pop3(AfterCommit.SEEN)) {
            source.open();
            List<SourceMessage> pending = source.pending(FixedMailboxState.empty());

            assertThat(pending).hasSize(2);
            assertThat(pending).extracting(SourceMessage::uid).doesNotHaveDuplicates().allSatisfy(uid -> assertThat(uid).isNotBlank());
            assertThat(pending).allSatisfy(message -> {
                assertThat(message.uidValidity()).isZero();
                assertThat(message.receivedAt()).isNull();
                assertThat(message.size()).isGreaterThan(200_000);
            });
        }
    }

    @Test
    void streamsTheRawBytesAsDelivered() throws Exception {
        byte[] delivered = deliver("关于申报“碳排放管理员”新职业的建议");
        try (Pop3Source source = pop3(AfterCommit.SEEN)) {
            source.open();
            SourceMessage message = source.pending(FixedMailboxState.empty()).get(0);
            try (InputStream raw = source.openRaw(message)) {
                assertThat(raw.readAllBytes()).isEqualTo(delivered);
            }
        }
    }

    @Test
    void skipsTakenUidls() {
        deliver("一");
        deliver("二");
        String first;
        try (Pop3Source source = pop3(AfterCommit.SEEN)) {
            source.open();
            first = source.pending(FixedMailboxState.empty()).get(0).uid();
        }
        try (Pop3Source source = pop3(AfterCommit.SEEN)) {
            source.open();
            List<SourceMessage> pending = source.pending(FixedMailboxState.taking(0, first));
            assertThat(pending).extracting(SourceMessage::uid).hasSize(1).doesNotContain(first);
        }
    }

    @Test
    void deleteRemovesTheCommittedMessageAtQuit() throws Exception {
        deliver("一");
        deliver("二");
        try (Pop3Source source = pop3(AfterCommit.DELETE)) {
            source.open();
            source.afterCommit(source.pending(FixedMailboxState.empty()).get(0));
        }
        assertThat(inboxCount()).isEqualTo(1);
    }

    @Test
    void deleteAlsoRemovesMessagesTakenByAnInterruptedPass() throws Exception {
        deliver("一");
        String taken;
        try (Pop3Source source = pop3(AfterCommit.SEEN)) {
            source.open();
            taken = source.pending(FixedMailboxState.empty()).get(0).uid();
        }
        try (Pop3Source source = pop3(AfterCommit.DELETE)) {
            source.open();
            assertThat(source.pending(FixedMailboxState.taking(0, taken))).isEmpty();
        }
        assertThat(inboxCount()).isZero();
    }

    @Test
    void seenAndLeaveKeepTheMessage() throws Exception {
        deliver("一");
        for (AfterCommit after : List.of(AfterCommit.SEEN, AfterCommit.MOVE, AfterCommit.LEAVE)) {
            try (Pop3Source source = pop3(after)) {
                source.open();
                source.afterCommit(source.pending(FixedMailboxState.empty()).get(0));
            }
        }
        assertThat(inboxCount()).isEqualTo(1);
    }

    @Test
    void readsOverPop3sWhenVerificationIsOff() throws Exception {
        byte[] delivered = deliver("加密收取");
        var settings = GreenMailboxes.withTls(
                GreenMailboxes.settings("pop3s", GREEN_MAIL.getPop3s().getPort(), "INBOX", AfterCommit.SEEN), false, false);
        try (Pop3Source source = new Pop3Source(settings)) {
            source.open();
            try (InputStream raw = source.openRaw(source.pending(FixedMailboxState.empty()).get(0))) {
                assertThat(raw.readAllBytes()).isEqualTo(delivered);
            }
        }
    }

    private Pop3Source pop3(AfterCommit after) {
        return new Pop3Source(GreenMailboxes.settings("pop3", GREEN_MAIL.getPop3().getPort(), "INBOX", after));
    }

    private byte[] deliver(String subject) {
        byte[] raw = TestMessages.proposal(subject);
        user.deliver(TestMessages.parse(raw));
        return raw;
    }

    private int inboxCount() throws Exception {
        try (ImapInspector inspector = new ImapInspector(GREEN_MAIL.getImap().getPort(), USER, PASSWORD)) {
            return inspector.count("INBOX");
        }
    }
}
