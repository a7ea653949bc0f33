package dev.seekfix.webhooks.delivery;

import dev.seekfix.webhooks.db.Database;
import dev.seekfix.webhooks.queue.DeliveryQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores deliveries and schedules their jobs with group commit: requests that arrive while a commit is in flight
 * are written together in the next transaction, so one durable commit (an fsync on PostgreSQL, a file write on H2)
 * serves many deliveries. Each caller still learns its own result only after the commit that holds it.
 * If a batch fails, its deliveries are retried one transaction each, so one bad row cannot sink the others.
 */
public final class DeliveryCommitter implements AutoCloseable {

    /** What became of one delivery. */
    public enum Result { STORED, DUPLICATE }

    private static final Logger log = LoggerFactory.getLogger(DeliveryCommitter.class);
    private static final int MAX_BATCH = 128;

    private final Database database;
    private final DeliveryStore store;
    private final DeliveryQueue queue;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>(10_000);
    private final Thread writer;
    private volatile boolean running = true;

    public DeliveryCommitter(Database database, DeliveryStore store, DeliveryQueue queue) {
        this.database = database;
        this.store = store;
        this.queue = queue;
        this.writer = Thread.ofPlatform().name("seekfix-delivery-committer").daemon(true).start(this::loop);
    }

    /**
     * Stores and schedules {@code delivery}, waiting at most {@code timeoutMillis} for the commit.
     *
     * @throws StoreUnavailableException when it could not be committed in time or at all (the caller answers 503:
     *                                   it must not acknowledge; if the commit lands later, a redelivery is a duplicate)
     */
    public Result commit(IncomingDelivery delivery, long timeoutMillis) {
        Pending item = new Pending(delivery, new CompletableFuture<>());
        if (!running || !pending.offer(item)) {
            throw new StoreUnavailableException("the delivery store is not accepting writes (shutting down or overloaded)", null);
        }
        try {
            return item.result().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("the delivery was not committed within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            throw new StoreUnavailableException("the delivery could not be stored: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while storing the delivery", e);
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException | Error unexpected) {
                log.error("event=committer.failure error=\"{}\"", unexpected.toString(), unexpected);
                for (Pending p : batch) p.result().completeExceptionally(unexpected);
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = pending.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("shut down before commit"));
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<Result> results = database.inTransaction(connection -> {
                database.requireDurableCommit(connection);
                List<Result> out = new ArrayList<>(batch.size());
                for (Pending p : batch) out.add(writeOne(connection, p.delivery()));
                return out;
            });
            for (int i = 0; i < batch.size(); i++) batch.get(i).result().complete(results.get(i));
        } catch (Exception batchFailure) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(batchFailure);
                return;
            }
            log.warn("event=committer.batch_failed size={} error=\"{}\"; retrying one by one", batch.size(), batchFailure.toString());
            for (Pending p : batch) {
                try {
                    p.result().complete(database.inTransaction(connection -> {
                        database.requireDurableCommit(connection);
                        return writeOne(connection, p.delivery());
                    }));
                } catch (Exception single) {
                    p.result().completeExceptionally(single);
                }
            }
        }
    }

    private Result writeOne(java.sql.Connection connection, IncomingDelivery delivery) throws Exception {
        if (!store.insert(connection, delivery)) return Result.DUPLICATE;
        queue.enqueue(delivery.id(), false);
        return Result.STORED;
    }

    /** Stops taking new deliveries and commits the ones already handed in. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(IncomingDelivery delivery, CompletableFuture<Result> result) {
    }

    /** The store could not confirm the delivery; the request must not be acknowledged. */
    public static final class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
