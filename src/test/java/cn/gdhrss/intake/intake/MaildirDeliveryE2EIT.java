package cn.gdhrss.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default mailbox (the Maildir {@code data/mailbox}, no setting at all) fed by a real MTA: our
 * own Postfix on loopback delivers the office's mail into it by virtual delivery, as a mail server
 * on the same machine would, and one pass registers the submission once and answers it.
 */
@Tag("e2e")
class MaildirDeliveryE2EIT {
    @TempDir
    Path dir;

    @Test
    void mailPostfixDeliversIntoTheDefaultMaildirIsRegisteredOnceAndAnswered() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = dir.resolve("data");
        new App(data, Settings.of(Map.of()), Clock.systemUTC()).close();
        Path maildir = data.resolve("mailbox");
        // Postfix's virtual agent writes as nobody; the service (root here) reads what it wrote.
        OwnDovecot.openToMailUser(maildir);

        try (OwnPostfix postfix = new OwnPostfix(dir.resolve("postfix"), "gd.gov.cn", data,
                "inline:{" + MailRoundTripE2EIT.OFFICE + "=mailbox/}")) {
            MailRoundTripE2EIT.sendThroughPostfix(postfix.port(), MailRoundTripE2EIT.submission(dir.resolve("outgoing")));
            MailRoundTripE2EIT.awaitFiles(maildir.resolve("new"), 1, postfix);
        }

        try (App app = new App(data, Settings.of(Map.of()), Clock.systemUTC())) {
            PassResult first = app.intake().pollMailbox().orElseThrow();
            PassResult second = app.intake().pollMailbox().orElseThrow();

            assertThat(first.error()).isEmpty();
            assertThat(first.newCount()).isOne();
            assertThat(second.newCount()).isZero();
            MessageRecord message = app.messages().list(10).get(0);
            assertThat(app.messages().list(10)).hasSize(1);
            assertThat(message.mailbox()).isEqualTo("maildir:" + maildir.toAbsolutePath().normalize());
            assertThat("<" + message.messageId() + ">").isEqualTo(MailRoundTripE2EIT.SUBMISSION_ID);
            assertThat(message.status()).isEqualTo("answered");
            OutboxRecord reply = app.outbox().list(10).get(0);
            assertThat(app.outbox().list(10)).hasSize(1);
            assertThat(reply.to()).isEqualTo(MailRoundTripE2EIT.APPLICANT);
            assertThat(reply.subject()).isEqualTo("[XZY-2026-0001] 回执：已收到新职业建议书（低空飞行器运维员）");
        }
        assertThat(Files.readString(archivedFile(data))).contains("by mx.test.local");
        try (Stream<Path> fresh = Files.list(maildir.resolve("new"))) {
            assertThat(fresh).as("taken out of new/").isEmpty();
        }
    }

    private static Path archivedFile(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("archive"))) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }
}
