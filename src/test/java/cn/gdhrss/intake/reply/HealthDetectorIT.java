package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.register.OutboxRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff hear once when the mailbox stops working, and once when it works again. */
class HealthDetectorIT {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-08-03T02:00:00Z"));

    private void pass(App app, boolean ok) {
        Instant now = clock.instant();
        app.passes().record(app.mailboxSettings().mailboxName(), now, now, 0, 0, 0, ok ? "" : "登录被拒绝");
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void alertsOnceWhileDownAndOnceOnRecovery() {
        Map<String, String> settings = Map.of("health.staff-address", "staff@gd.gov.cn", "health.failed-passes", "3");
        try (App app = ReplyTestKit.app(dir.resolve("data"), settings, clock)) {
            pass(app, true);
            assertThat(app.health().check()).isEmpty();
            for (int i = 0; i < 3; i++) {
                pass(app, false);
            }
            assertThat(app.health().check()).contains("health_alert");
            pass(app, false);
            assertThat(app.health().check()).isEmpty();
            pass(app, true);
            assertThat(app.health().check()).contains("health_recovered");
            assertThat(app.health().check()).isEmpty();

            app.outboxSender().sendDue();
            assertThat(app.outbox().list(10)).extracting(OutboxRecord::kind).containsExactly("health_recovered", "health_alert");
            assertThat(app.outbox().list(10)).allMatch(row -> row.to().equals("staff@gd.gov.cn") && row.state().equals("written"));
        }
    }

    @Test
    void longSilenceAlertsEvenWithoutManyFailedPasses() {
        Map<String, String> settings = Map.of("health.staff-address", "staff@gd.gov.cn", "health.max-silence-minutes", "30");
        try (App app = ReplyTestKit.app(dir.resolve("data"), settings, clock)) {
            pass(app, true);
            clock.advance(Duration.ofMinutes(45));
            pass(app, false);
            assertThat(app.health().check()).isEqualTo(Optional.of("health_alert"));
        }
    }

    @Test
    void aFullDiskLastingFiveMinutesIsMailedToStaffWithWhatIsWrong() {
        Map<String, String> settings = Map.of("health.staff-address", "staff@gd.gov.cn");
        try (App app = ReplyTestKit.app(dir.resolve("data"), settings, clock)) {
            pass(app, true);
            app.intake().faults().report(Fault.DISK_FULL, "No space left on device");
            assertThat(app.health().check()).as("a short fault is no news").isEmpty();
            clock.advance(Duration.ofMinutes(5));
            pass(app, true);
            assertThat(app.health().check()).contains("health_alert");
            assertThat(app.outbox().list(10).get(0).bodyText())
                    .contains("正在等待排除的故障：数据目录所在的磁盘已满，服务暂停处理，腾出空间后自动继续");
            app.intake().faults().clear(Fault.DISK_FULL);
            assertThat(app.health().check()).contains("health_recovered");
        }
    }

    @Test
    void noStaffAddressMeansNoHealthMail() {
        try (App app = ReplyTestKit.app(dir.resolve("data"), Map.of(), clock)) {
            for (int i = 0; i < 10; i++) {
                pass(app, false);
            }
            assertThat(app.health().check()).isEmpty();
            assertThat(app.outbox().list(10)).isEmpty();
        }
    }
}
