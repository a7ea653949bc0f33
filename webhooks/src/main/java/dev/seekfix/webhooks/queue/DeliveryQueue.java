package dev.seekfix.webhooks.queue;

import dev.seekfix.webhooks.db.Database;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.quartz.JobBuilder.newJob;

/**
 * The durable queue: one Quartz job per delivery in Quartz's JDBC job store on seekfix's own database.
 *
 * <p>Quartz runs with {@code JobStoreCMT}: scheduling joins the caller's transaction (through
 * {@link Database#boundConnection()}), so a delivery row and its job commit together, while Quartz's own
 * housekeeping (acquiring triggers, cluster check-ins, recovery) uses pooled connections it commits itself.
 * Jobs request recovery: a job running when its process dies runs again on restart or on another replica.
 */
public final class DeliveryQueue {

    static final String GROUP = "deliveries";
    static final String REPLAY = "replay";

    private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);

    private final Database database;
    private final QueueSettings settings;
    private final Scheduler scheduler;
    private final String managedSource;
    private final String pooledSource;

    public DeliveryQueue(Database database, QueueSettings settings, JobFactory jobFactory) {
        if (settings.clustered() && !database.kind().supportsClustering()) {
            throw new IllegalArgumentException("a clustered queue needs PostgreSQL (SEEKFIX_DB_URL=jdbc:postgresql:…); "
                    + "the embedded H2 file database serves one process");
        }
        this.database = database;
        this.settings = settings;
        String suffix = UUID.randomUUID().toString();
        this.managedSource = "seekfix-tx-" + suffix;
        this.pooledSource = "seekfix-pool-" + suffix;
        DBConnectionManager connections = DBConnectionManager.getInstance();
        connections.addConnectionProvider(managedSource, new Provider(database::boundConnection));
        connections.addConnectionProvider(pooledSource, new Provider(() -> database.dataSource().getConnection()));
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(quartzProperties());
            this.scheduler = factory.getScheduler();
            this.scheduler.setJobFactory(jobFactory);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    private Properties quartzProperties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.schedulerName());
        // Unclustered, a stable id lets a restarted process recover the jobs its previous run left (Quartz matches
        // fired-trigger rows on the instance id); clustered, every replica needs its own.
        p.setProperty("org.quartz.scheduler.instanceId", settings.clustered() ? "AUTO" : "single");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // Quartz refuses idle waits under a second. A job scheduled in a transaction may be signalled to the scheduler
        // thread before the transaction commits, so pickup can take up to this long; fine for review work.
        p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(Math.max(1000, settings.pollInterval().toMillis())));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(settings.workers()));
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.workers()));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "seekfix-worker");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreCMT");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", database.kind().quartzDelegate());
        p.setProperty("org.quartz.jobStore.dataSource", managedSource);
        p.setProperty("org.quartz.jobStore.nonManagedTXDataSource", pooledSource);
        p.setProperty("org.quartz.jobStore.dontSetAutoCommitFalse", "true");
        // Inserting jobs needs no lock row on H2 or PostgreSQL; taking one would serialise all intake on it.
        p.setProperty("org.quartz.jobStore.lockOnInsert", "false");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        // Every trigger here means "run as soon as a worker is free". Quartz's acquisition skips triggers older than
        // the misfire threshold and leaves them to the misfire handler (20 at a time), which turned a backlog after
        // a burst into a trickle of ~3 jobs/s (measured with scripts/bench-intake.sh): never call ours misfired.
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(java.time.Duration.ofDays(3650).toMillis()));
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(settings.clustered()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.clusterCheckin().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    public void start() throws SchedulerException {
        scheduler.start();
        log.info("event=queue.started scheduler={} instance={} workers={} clustered={} database={}",
                settings.schedulerName(), scheduler.getSchedulerInstanceId(), settings.workers(), settings.clustered(),
                database.kind());
    }

    public boolean isStarted() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Schedules the first run of a stored delivery. Call inside {@link Database#inTransaction}. */
    public void enqueue(String deliveryId, boolean replay) throws SchedulerException {
        JobDetail job = newJob(DeliveryJob.class)
                .withIdentity(deliveryId, GROUP)
                .requestRecovery(true)
                .storeDurably(false)
                .build();
        scheduler.scheduleJob(job, trigger(job.getKey(), Instant.now(), replay, 0));
    }

    /** Schedules another attempt of a delivery whose job is running now. Call inside a transaction. */
    void scheduleRetry(String deliveryId, Instant at, boolean replay, int attempt) throws SchedulerException {
        scheduler.scheduleJob(trigger(JobKey.jobKey(deliveryId, GROUP), at, replay, attempt));
    }

    /** True while a run of this delivery is scheduled or executing. Call inside a transaction. */
    public boolean isPending(String deliveryId) throws SchedulerException {
        return scheduler.checkExists(JobKey.jobKey(deliveryId, GROUP));
    }

    private static Trigger trigger(JobKey job, Instant at, boolean replay, int attempt) {
        JobDataMap data = new JobDataMap();
        data.put(REPLAY, Boolean.toString(replay));
        return TriggerBuilder.newTrigger()
                .withIdentity(job.getName() + "#" + attempt + "-" + UUID.randomUUID().toString().substring(0, 8), GROUP)
                .forJob(job)
                .usingJobData(data)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /**
     * Stops taking jobs, waits up to the grace period for running ones, then lets go: jobs still running are
     * recovered by the next start or by another replica.
     */
    public void shutdown() {
        Duration grace = settings.shutdownGrace();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            stopped.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            log.info("event=queue.stopped clean=true");
        } catch (TimeoutException e) {
            log.warn("event=queue.stopped clean=false reason=\"jobs still running after {}; they will be recovered\"", grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("event=queue.stopped clean=false reason=\"{}\"", e.getCause().getMessage());
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** A Quartz connection provider over one of {@link Database}'s connection sources. */
    private record Provider(ConnectionSource source) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return source.get();
        }

        @Override
        public void shutdown() {
            // The pool belongs to Database, which closes it.
        }

        @Override
        public void initialize() {
        }
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }
}
