package dev.seekfix.webhooks.queue;

import java.time.Duration;

/**
 * How the Quartz queue runs.
 *
 * @param schedulerName     Quartz's SCHED_NAME: replicas sharing one queue use the same name
 * @param workers           jobs handled at once by this process
 * @param clustered         share the queue with other processes on the same (PostgreSQL) database
 * @param clusterCheckin    how often a clustered node reports alive; a node silent for longer is recovered by others
 * @param pollInterval      how often an idle scheduler looks for due jobs (Quartz's minimum is one second)
 * @param shutdownGrace     how long shutdown waits for running jobs; unfinished ones are recovered on the next start
 */
public record QueueSettings(String schedulerName, int workers, boolean clustered, Duration clusterCheckin,
                            Duration pollInterval, Duration shutdownGrace, RetryPolicy retry) {

    public QueueSettings {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, found " + workers);
        if (schedulerName == null || schedulerName.isBlank()) throw new IllegalArgumentException("schedulerName is empty");
    }

    public static QueueSettings defaults(boolean clustered) {
        return new QueueSettings("seekfix", 4, clustered, Duration.ofSeconds(7), Duration.ofMillis(1000),
                Duration.ofSeconds(30), RetryPolicy.defaults());
    }
}
