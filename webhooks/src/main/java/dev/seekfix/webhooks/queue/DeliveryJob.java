package dev.seekfix.webhooks.queue;

import dev.seekfix.webhooks.db.Database;
import dev.seekfix.webhooks.delivery.DeliveryRecord;
import dev.seekfix.webhooks.delivery.DeliveryStore;
import dev.seekfix.webhooks.delivery.DeliveryStore.StartedAttempt;
import dev.seekfix.webhooks.metrics.IntakeMetrics;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One run of one delivery: the failure boundary of a job. It claims the delivery, calls the handler, records
 * the outcome, and decides between done, retry with backoff, and dead.
 */
public final class DeliveryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

    private final Database database;
    private final DeliveryStore store;
    private final DeliveryQueueRef queue;
    private final DeliveryHandler handler;
    private final RetryPolicy retry;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final RandomGenerator random;

    public DeliveryJob(Database database, DeliveryStore store, DeliveryQueueRef queue, DeliveryHandler handler,
                       RetryPolicy retry, IntakeMetrics metrics, Clock clock, RandomGenerator random) {
        this.database = database;
        this.store = store;
        this.queue = queue;
        this.handler = handler;
        this.retry = retry;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String id = context.getJobDetail().getKey().getName();
        boolean replay = Boolean.parseBoolean(context.getMergedJobDataMap().getString(DeliveryQueue.REPLAY));
        boolean recovering = context.isRecovering();
        MDC.put("delivery", id);
        Instant started = clock.instant();
        try {
            Optional<StartedAttempt> claimed = claim(id);
            if (claimed.isEmpty()) {
                log.error("event=job.orphan reason=\"no stored delivery with this id; nothing to run\"");
                metrics.jobFinished("orphan", Duration.between(started, clock.instant()));
                return;
            }
            StartedAttempt attempt = claimed.get();
            if (attempt.statusBefore().isFinal()) {
                log.info("event=job.skipped reason=\"already {}\" recovery={}", attempt.statusBefore().wireName(), recovering);
                metrics.jobFinished("skipped", Duration.between(started, clock.instant()));
                return;
            }
            DeliveryRecord record = attempt.record();
            Delivery delivery = new Delivery(record.id(), record.event(), record.action(), record.installationId(),
                    record.repository(), record.receivedAt(), attempt.body(), attempt.attempt(), recovering, replay);
            log.info("event=job.started github_event={} repository={} attempt={} recovery={} replay={}",
                    delivery.eventAction(), delivery.repository(), delivery.attempt(), recovering, replay);
            String outcome = run(delivery);
            metrics.jobFinished(outcome, Duration.between(started, clock.instant()));
        } finally {
            MDC.remove("delivery");
        }
    }

    private Optional<StartedAttempt> claim(String id) throws JobExecutionException {
        try {
            return database.inTransaction(connection -> store.startAttempt(connection, id));
        } catch (Exception e) {
            // The database is unreachable: leave the job to Quartz to fire again rather than lose it.
            log.error("event=job.claim_failed error=\"{}\"", e.toString());
            pause();
            JobExecutionException retryNow = new JobExecutionException("could not claim delivery " + id, e);
            retryNow.setRefireImmediately(true);
            throw retryNow;
        }
    }

    /** Calls the handler and records what happened. @return the outcome's metric tag */
    private String run(Delivery delivery) throws JobExecutionException {
        Outcome outcome;
        try {
            outcome = handler.handle(delivery);
        } catch (Exception failure) {
            return recordFailure(delivery, failure);
        }
        try {
            return switch (outcome) {
                case Outcome.Done done -> {
                    database.inTransaction(c -> { store.markDone(c, delivery.id(), done.summary()); return null; });
                    log.info("event=job.done summary=\"{}\"", done.summary());
                    yield "done";
                }
                case Outcome.Ignored ignored -> {
                    database.inTransaction(c -> { store.markDone(c, delivery.id(), "ignored: " + ignored.reason()); return null; });
                    log.info("event=job.ignored reason=\"{}\"", ignored.reason());
                    yield "ignored";
                }
                case Outcome.PermanentFailure permanent -> {
                    database.inTransaction(c -> { store.markDead(c, delivery.id(), permanent.reason()); return null; });
                    log.warn("event=job.dead permanent=true reason=\"{}\"", permanent.reason());
                    yield "dead";
                }
            };
        } catch (Exception e) {
            throw bookkeepingFailed(delivery, e);
        }
    }

    private String recordFailure(Delivery delivery, Exception failure) throws JobExecutionException {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        try {
            if (retry.allowsRetryAfter(delivery.attempt())) {
                Instant next = clock.instant().plus(retry.delayAfter(delivery.attempt(), random));
                database.inTransaction(c -> {
                    store.markFailed(c, delivery.id(), error, next);
                    queue.get().scheduleRetry(delivery.id(), next, delivery.replay(), delivery.attempt());
                    return null;
                });
                log.warn("event=job.failed attempt={} max_attempts={} next_attempt_at={} error=\"{}\"",
                        delivery.attempt(), retry.maxAttempts(), next, error, failure);
                return "retry";
            }
            database.inTransaction(c -> { store.markDead(c, delivery.id(), error); return null; });
            log.error("event=job.dead attempts={} error=\"{}\"", delivery.attempt(), error, failure);
            return "dead";
        } catch (Exception e) {
            throw bookkeepingFailed(delivery, e);
        }
    }

    private JobExecutionException bookkeepingFailed(Delivery delivery, Exception e) {
        // The outcome could not be written: run again (handlers are idempotent) rather than leave it "running".
        log.error("event=job.bookkeeping_failed error=\"{}\"", e.toString());
        pause();
        JobExecutionException again = new JobExecutionException("could not record the outcome of " + delivery.id(), e);
        again.setRefireImmediately(true);
        return again;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
