package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.schedule.IntakeScheduler;
import java.util.concurrent.Callable;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.ServiceHeartbeat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "在前台运行受理服务（按计划收取邮箱），Ctrl-C 或 SIGTERM 停止")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        App app = common.openApp();
        IntakeScheduler scheduler = new IntakeScheduler();
        CountDownLatch stopped = new CountDownLatch(1);
        ServiceHeartbeat heartbeat = new ServiceHeartbeat(app.dataDir(), app.clock());
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleAtFixedRate(() -> beat(heartbeat), 0, 1, TimeUnit.MINUTES);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: waiting for the running pass to finish");
            beats.shutdownNow();
            heartbeat.stop();
            scheduler.close();
            app.close();
            stopped.countDown();
        }, "shutdown"));
        app.startServices(scheduler);
        scheduler.start();
        LOG.info("Intake service running on {} (data {}, schedule '{}')",
                app.mailboxSettings().mailboxName(), app.dataDir().toAbsolutePath(), app.intakeSettings().cron());
        stopped.await();
        return 0;
    }

    private static void beat(ServiceHeartbeat heartbeat) {
        try {
            heartbeat.beat();
        } catch (RuntimeException e) {
            if (Fault.of(e).isPresent()) {
                // A full disk: expected, said in one line a minute, no stack trace.
                LOG.warn("Heartbeat not written ({}); status will report the service as not running", Fault.of(e).get().code());
            } else {
                LOG.warn("Heartbeat not written; status will report the service as not running", e);
            }
        }
    }
}
