package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.WebSettings;
import cn.gdhrss.intake.web.Accounts;
import cn.gdhrss.intake.web.ConsoleServer;
import org.jspecify.annotations.Nullable;
import cn.gdhrss.intake.schedule.IntakeScheduler;
import java.util.concurrent.Callable;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.ServiceHeartbeat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        try {
            checkAccounts(app);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        IntakeScheduler scheduler = new IntakeScheduler();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<@Nullable ConsoleServer> console = new AtomicReference<>();
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
            ConsoleServer running = console.get();
            if (running != null) {
                running.close();
            }
            heartbeat.stop();
            scheduler.close();
            app.close();
            stopped.countDown();
        }, "shutdown"));
        app.startServices(scheduler);
        scheduler.start();
        console.set(startConsole(app));
        LOG.info("Intake service running on {} (data {}, schedule '{}')",
                app.mailboxSettings().mailboxName(), app.dataDir().toAbsolutePath(), app.intakeSettings().cron());
        stopped.await();
        return 0;
    }

    /**
     * A wrong {@code web.user.*} line is a mistake in the configuration like any other, so the service
     * refuses to start with its one sentence rather than run on with the console silently off.
     */
    private static void checkAccounts(App app) {
        WebSettings web = app.webSettings();
        if (web.port() > 0) {
            new Accounts(web, app.clock());
        }
    }

    /**
     * The staff console in this process (issue 9), unless {@code web.port = 0}. A console that cannot
     * listen (the port taken) is logged and left off: the intake of mail goes on regardless.
     */
    private static @Nullable ConsoleServer startConsole(App app) {
        WebSettings web = app.webSettings();
        if (web.port() <= 0) {
            return null;
        }
        try {
            return new ConsoleServer(app, web).start();
        } catch (RuntimeException e) {
            LOG.error("Staff console not started on {}:{}; mail intake goes on without it", web.host(), web.port(), e);
            return null;
        }
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
