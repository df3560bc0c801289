package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.gdhrss.intake.config.MailboxSettings;
import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 2971 ID before SELECT, which NetEase and Coremail insist on. */
class ImapClientIdIT {

    @Test
    void sendsIdBeforeSelectingTheFolder() throws Exception {
        try (NeteaseLikeImapServer server = new NeteaseLikeImapServer(true);
                ImapSource source = new ImapSource(settings(server.port()))) {
            source.open();

            assertThat(source.pending(FixedMailboxState.empty())).isEmpty();
            assertThat(server.commands()).filteredOn(command -> command.startsWith("ID ")).singleElement()
                    .satisfies(id -> assertThat(id).contains("\"name\" \"gdhrss-intake\"").contains("\"support-email\" \"office@163.com\""));
            assertThat(indexOf(server, "ID ")).isLessThan(indexOf(server, "SELECT "));
        }
    }

    @Test
    void idAppearsInTheProtocolTrace() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        try (NeteaseLikeImapServer server = new NeteaseLikeImapServer(true)) {
            MailboxSettings settings = settings(server.port());
            Session session = MailSessionFactory.create(settings);
            session.setDebug(true);
            session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
            try (ImapSource source = new ImapSource(settings, session)) {
                source.open();
            }
        }
        assertThat(trace.toString(StandardCharsets.UTF_8)).containsPattern("\\w+ ID \\(\"name\" \"gdhrss-intake\"");
    }

    @Test
    void opensEvenWhenTheServerRejectsId() throws Exception {
        try (NeteaseLikeImapServer server = new NeteaseLikeImapServer(false);
                ImapSource source = new ImapSource(settings(server.port()))) {
            assertThatCode(source::open).doesNotThrowAnyException();
            assertThat(source.pending(FixedMailboxState.empty())).isEmpty();
            assertThat(server.commands()).anyMatch(command -> command.startsWith("ID "));
        }
    }

    @Test
    void theServerRefusesSelectWithoutId() throws Exception {
        // The fixture's own check: a client that skips ID is refused, as NetEase does.
        try (NeteaseLikeImapServer server = new NeteaseLikeImapServer(true)) {
            jakarta.mail.Store store = Session.getInstance(new java.util.Properties()).getStore("imap");
            store.connect("127.0.0.1", server.port(), "office@163.com", "authcode");
            try {
                assertThatCode(() -> store.getFolder("INBOX").open(jakarta.mail.Folder.READ_ONLY))
                        .hasMessageContaining("Unsafe Login");
            } finally {
                store.close();
            }
        }
    }

    private static int indexOf(NeteaseLikeImapServer server, String prefix) {
        for (int i = 0; i < server.commands().size(); i++) {
            if (server.commands().get(i).startsWith(prefix)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static MailboxSettings settings(int port) {
        return new MailboxSettings("imap", "127.0.0.1", port, "office@163.com", Optional.of("authcode"), "INBOX",
                false, true, Path.of("unused"), AfterCommit.SEEN, "已处理", false, Duration.ofSeconds(5));
    }
}
