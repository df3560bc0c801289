package cn.gdhrss.intake.cli;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.schedule.IntakeScheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: waiting for the running pass to finish");
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
}
