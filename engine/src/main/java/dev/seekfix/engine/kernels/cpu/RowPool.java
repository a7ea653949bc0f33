package dev.seekfix.engine.kernels.cpu;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed pool that splits a range of rows into one contiguous chunk per thread; the calling thread works on
 * the first chunk itself. Small ranges run on the caller alone.
 */
final class RowPool implements AutoCloseable {

    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService workers;

    RowPool(int threads) {
        this.threads = threads;
        this.workers = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "seekfix-cpu-kernel");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    int threads() { return threads; }

    /** Runs {@code body} over {@code [0, rows)}; {@code work} is the cost estimate that decides whether to split. */
    void forRows(int rows, long work, RowRange body) {
        int parts = workers == null || work < 262_144 ? 1 : Math.min(threads, rows); // below ~0.25M MACs a hand-off costs more than it saves
        if (parts <= 1) {
            body.run(0, rows);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        int chunk = (rows + parts - 1) / parts;
        for (int p = 1; p < parts; p++) {
            int from = p * chunk, to = Math.min(rows, from + chunk);
            if (from >= to) break;
            futures.add(workers.submit(() -> body.run(from, to)));
        }
        body.run(0, Math.min(rows, chunk));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for kernel threads", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (workers != null) workers.shutdownNow();
    }
}
