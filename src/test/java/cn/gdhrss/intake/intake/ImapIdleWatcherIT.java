package cn.gdhrss.intake.intake;

import static cn.gdhrss.intake.intake.GreenMailboxes.EMAIL;
import static cn.gdhrss.intake.intake.GreenMailboxes.PASSWORD;
import static cn.gdhrss.intake.intake.GreenMailboxes.USER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.config.MailboxSettings.AfterCommit;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapIdleWatcherIT {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(GreenMailboxes.servers(ServerSetupTest.IMAP));

    private GreenMailUser user;

    @BeforeEach
    void createUser() {
        user = GREEN_MAIL.setUser(EMAIL, USER, PASSWORD);
    }

    @Test
    void wakesWithinSecondsWhenMailArrives() throws Exception {
        try (ImapIdleWatcher watcher = watcher()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> watcher.awaitNewMail(Duration.ofSeconds(30)));
            TimeUnit.MILLISECONDS.sleep(1500);
            long delivered = System.nanoTime();
            user.deliver(TestMessages.parse(TestMessages.proposal("实时到达")));

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - delivered)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void returnsFalseWhenTheTimeRunsOut() {
        try (ImapIdleWatcher watcher = watcher()) {
            long started = System.nanoTime();
            boolean arrived = watcher.awaitNewMail(Duration.ofSeconds(2));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(arrived).isFalse();
            assertThat(waited).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
        }
    }

    @Test
    void countsMailThatArrivedBetweenTwoWaits() {
        try (ImapIdleWatcher watcher = watcher()) {
            assertThat(watcher.awaitNewMail(Duration.ofMillis(500))).isFalse();
            user.deliver(TestMessages.parse(TestMessages.proposal("两次等待之间")));

            long started = System.nanoTime();
            assertThat(watcher.awaitNewMail(Duration.ofSeconds(30))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void closeEndsAWaitInProgress() throws Exception {
        ImapIdleWatcher watcher = watcher();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> watcher.awaitNewMail(Duration.ofMinutes(5)));
        TimeUnit.MILLISECONDS.sleep(1500);
        watcher.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
    }

    private ImapIdleWatcher watcher() {
        return new ImapIdleWatcher(GreenMailboxes.settings("imap", GREEN_MAIL.getImap().getPort(), "INBOX", AfterCommit.SEEN));
    }
}
