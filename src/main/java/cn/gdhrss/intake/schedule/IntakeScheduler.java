package cn.gdhrss.intake.schedule;

import cn.gdhrss.intake.pipeline.IntakeService;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The service's clock: Quartz with an in-memory store runs the pass on the configured cron, and
 * once at start. Jobs are built by a {@link org.quartz.spi.JobFactory} from the collaborators given
 * here, so they keep final fields. Other capabilities add their jobs with {@link #add}.
 */
public final class IntakeScheduler implements AutoCloseable {
    private final Scheduler scheduler;
    private final Map<Class<? extends Job>, Supplier<Job>> factories = new java.util.concurrent.ConcurrentHashMap<>();

    public IntakeScheduler() {
        try {
            Properties properties = new Properties();
            properties.setProperty("org.quartz.scheduler.instanceName", "xzy-intake");
            properties.setProperty("org.quartz.threadPool.threadCount", "3");
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            this.scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, ignored) -> {
                Supplier<Job> factory = factories.get(bundle.getJobDetail().getJobClass());
                if (factory == null) {
                    throw new SchedulerException("No factory for job " + bundle.getJobDetail().getJobClass());
                }
                return factory.get();
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz scheduler cannot start", e);
        }
    }

    /** Schedules the mailbox pass on {@code cron}, with a first run right away. */
    public void schedulePasses(IntakeService intake, String cron) {
        add(PassJob.class, () -> new PassJob(intake), "pass", cron, true);
    }

    public void add(Class<? extends Job> jobClass, Supplier<Job> factory, String name, String cron, boolean runAtStart) {
        factories.put(jobClass, factory);
        JobDetail job = JobBuilder.newJob(jobClass).withIdentity(name).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name + "-cron").forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionDoNothing()).build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
            if (runAtStart) {
                scheduler.triggerJob(new JobKey(name));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule job '" + name + "' with cron '" + cron + "'", e);
        }
    }

    /** Runs the named job now (IMAP IDLE uses this when the server announces new mail). */
    public void runNow(String name) {
        try {
            scheduler.triggerJob(new JobKey(name));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot trigger job '" + name + "'", e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz scheduler cannot start", e);
        }
    }

    /** Waits for a running pass to finish, then stops. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz scheduler did not stop cleanly", e);
        }
    }
}
