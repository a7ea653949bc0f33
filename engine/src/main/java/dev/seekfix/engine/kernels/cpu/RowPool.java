package dev.seekfix.engine.kernels.cpu;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that share each job's rows in small chunks claimed from an atomic counter, the
 * calling thread included. A decode step issues about a hundred products of a few hundred microseconds each, so the
 * hand-off must cost microseconds: idle workers spin on the job field for a while before they park, and chunks are
 * claimed dynamically so a worker descheduled on a busy machine delays the job by one chunk, not by its share.
 */
final class RowPool implements AutoCloseable {

    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /** How long an idle worker polls for the next job before parking. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    /** One product: its rows are claimed {@code chunk} at a time; {@code done} counts finished rows. */
    private static final class Job {
        final RowRange body;
        final int rows, chunk;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(RowRange body, int rows, int chunk) {
            this.body = body;
            this.rows = rows;
            this.chunk = chunk;
        }

        void work() {
            int from;
            while ((from = next.getAndAdd(chunk)) < rows) {
                int to = Math.min(rows, from + chunk);
                try {
                    if (failure == null) body.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.addAndGet(to - from);
                }
            }
        }
    }

    private final int threads;
    private final Thread[] workers;
    private final boolean[] parked;
    private volatile Job current;
    private volatile boolean closed;

    RowPool(int threads) {
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.parked = new boolean[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int id = i;
            workers[i] = new Thread(() -> workLoop(id), "seekfix-cpu-kernel-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    int threads() { return threads; }

    /**
     * Runs {@code body} over {@code [0, rows)} in chunks of at least {@code minChunk} rows; {@code work} is the cost
     * estimate (multiply-adds) that decides whether handing off is worth it at all.
     */
    void forRows(int rows, long work, int minChunk, RowRange body) {
        if (workers.length == 0 || work < 65_536 || rows <= minChunk) {
            body.run(0, rows);
            return;
        }
        // about 8 chunks per thread: fine enough to even out preemption, coarse enough to keep the counter cold
        int chunk = Math.max(minChunk, (rows + 8 * threads - 1) / (8 * threads));
        Job job = new Job(body, rows, chunk);
        current = job;
        VarHandle.fullFence(); // pairs with the worker's fence between marking itself parked and re-reading current
        for (int i = 0; i < workers.length; i++) {
            if (parked[i]) LockSupport.unpark(workers[i]);
        }
        job.work();
        int spins = 0;
        while (job.done.get() < rows) {
            if (++spins > 1_000) Thread.yield();
            else Thread.onSpinWait();
        }
        if (job.failure != null) {
            if (job.failure instanceof RuntimeException e) throw e;
            if (job.failure instanceof Error e) throw e;
            throw new IllegalStateException(job.failure);
        }
    }

    void forRows(int rows, long work, RowRange body) {
        forRows(rows, work, 1, body);
    }

    private void workLoop(int id) {
        Job seen = null;
        while (!closed) {
            Job job = current;
            if (job != seen) {
                seen = job;
                job.work();
                continue;
            }
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (current == seen && !closed && System.nanoTime() < deadline) Thread.onSpinWait();
            if (current == seen && !closed) {
                parked[id] = true;
                // volatile read after the write: either the caller sees parked, or we see its new job
                VarHandle.fullFence();
                if (current == seen && !closed) LockSupport.park(this);
                parked[id] = false;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
