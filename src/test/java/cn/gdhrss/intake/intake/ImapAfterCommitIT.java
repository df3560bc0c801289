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
import jakarta.mail.Flags;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each configured action does exactly what it says, to the committed message only. */
class ImapAfterCommitIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(GreenMailboxes.servers(ServerSetupTest.IMAP));

    private GreenMailUser user;

    @BeforeEach
    void deliverTwo() {
        user = GREEN_MAIL.setUser(EMAIL, USER, PASSWORD);
        user.deliver(TestMessages.parse(TestMessages.proposal("已提交")));
        user.deliver(TestMessages.parse(TestMessages.proposal("未提交")));
    }

    @Test
    void seenMarksOnlyTheCommittedMessage() throws Exception {
        commitFirst(AfterCommit.SEEN);
        try (ImapInspector inspector = inspector()) {
            List<Flags> flags = inspector.flags("INBOX");
            assertThat(flags).extracting(each -> each.contains(Flags.Flag.SEEN)).containsExactly(true, false);
        }
    }

    @Test
    void moveCreatesTheTargetFolderAndMovesTheCommittedMessage() throws Exception {
        commitFirst(AfterCommit.MOVE);
        try (ImapInspector inspector = inspector()) {
            assertThat(inspector.count("已处理")).isEqualTo(1);
            assertThat(inspector.count("INBOX")).isEqualTo(1);
        }
    }

    @Test
    void moveIntoAnExistingFolderKeepsWhatIsThere() throws Exception {
        try (ImapInspector inspector = inspector()) {
            inspector.create("已处理");
            inspector.append("已处理", TestMessages.proposal("早先处理的"));
        }
        commitFirst(AfterCommit.MOVE);
        try (ImapInspector inspector = inspector()) {
            assertThat(inspector.count("已处理")).isEqualTo(2);
        }
    }

    @Test
    void leaveChangesNothing() throws Exception {
        commitFirst(AfterCommit.LEAVE);
        try (ImapInspector inspector = inspector()) {
            assertThat(inspector.flags("INBOX")).hasSize(2).allSatisfy(flags -> assertThat(flags.getSystemFlags())
                    .doesNotContain(Flags.Flag.SEEN, Flags.Flag.DELETED, Flags.Flag.ANSWERED, Flags.Flag.FLAGGED));
            assertThat(inspector.exists("已处理")).isFalse();
        }
    }

    @Test
    void deleteExpungesOnlyTheCommittedMessage() throws Exception {
        commitFirst(AfterCommit.DELETE);
        try (ImapInspector inspector = inspector()) {
            assertThat(inspector.count("INBOX")).isEqualTo(1);
        }
        try (ImapSource source = imap(AfterCommit.LEAVE)) {
            source.open();
            assertThat(source.pending(FixedMailboxState.empty())).extracting(SourceMessage::uid).containsExactly("2");
        }
    }

    @Test
    void actionInterruptedByAStopRunsAtTheNextPass() throws Exception {
        long uidValidity;
        try (ImapSource source = imap(AfterCommit.SEEN)) {
            source.open();
            uidValidity = source.pending(FixedMailboxState.empty()).get(0).uidValidity();
        }
        // Message 1 was committed (checkpoint at 1) but the process stopped before marking it seen.
        FixedMailboxState afterCrash = new FixedMailboxState(
                java.util.Optional.of(new MailboxState.Checkpoint(uidValidity, 1)), java.util.Set.of(uidValidity + "/1"));
        try (ImapSource source = imap(AfterCommit.SEEN)) {
            source.open();
            List<SourceMessage> pending = source.pending(afterCrash);
            assertThat(pending).extracting(SourceMessage::uid).containsExactly("1", "2");
            source.afterCommit(pending.get(0));
        }
        try (ImapInspector inspector = inspector()) {
            assertThat(inspector.flags("INBOX")).extracting(each -> each.contains(Flags.Flag.SEEN)).containsExactly(true, false);
        }
    }

    private void commitFirst(AfterCommit after) {
        try (ImapSource source = imap(after)) {
            source.open();
            source.afterCommit(source.pending(FixedMailboxState.empty()).get(0));
        }
    }

    private ImapSource imap(AfterCommit after) {
        return new ImapSource(GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), "INBOX", after));
    }

    private ImapInspector inspector() throws Exception {
        return new ImapInspector(GREEN_MAIL.getImap().getPort(), USER, PASSWORD);
    }
}
