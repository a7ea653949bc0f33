package dev.seekfix.engine.kernels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernels that time every call of the ones they wrap, grouped by operation, weight type and shape: where a forward
 * pass spends its time ({@code seekfix engine bench --breakdown}). The model calls its kernels from one thread at a
 * time; the tally is guarded anyway so that a reader on another thread sees whole entries.
 */
public final class TimedKernels implements Kernels {

    /**
     * One group of calls.
     *
     * @param operation e.g. {@code matmul Q6_K 102400x2048} or {@code matmulEach 14× Q4_K 1408x2048…2816x2048}
     * @param nanos     time inside the wrapped kernels
     * @param calls     number of calls
     * @param macs      multiply-adds of the matrix products (0 for element-wise operations)
     */
    public record Entry(String operation, long nanos, long calls, long macs) {

        /** This group and {@code other} (the same operation) together. */
        public Entry plus(Entry other) {
            return new Entry(operation, nanos + other.nanos, calls + other.calls, macs + other.macs);
        }
    }

    private final Kernels inner;
    private final Map<String, Entry> tally = new LinkedHashMap<>(); // operation → its calls so far

    public TimedKernels(Kernels inner) {
        this.inner = inner;
    }

    /** The groups so far, longest first. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>(tally.values());
        out.sort(Comparator.comparingLong(Entry::nanos).reversed());
        return out;
    }

    public synchronized void reset() {
        tally.clear();
    }

    private synchronized void add(String operation, long t0, long macs) {
        tally.merge(operation, new Entry(operation, System.nanoTime() - t0, 1, macs), Entry::plus);
    }

    private void time(String operation, long macs, Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        add(operation, t0, macs);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void matmul(WeightMatrix w, float[] x, int tokens, float[] out) {
        time("matmul " + w.type().ggmlName() + " " + w.rows() + "x" + w.cols() + (tokens == 1 ? "" : " batch"),
                (long) w.rows() * w.cols() * tokens, () -> inner.matmul(w, x, tokens, out));
    }

    @Override
    public void matmulEach(List<Product> products) {
        long t0 = System.nanoTime();
        inner.matmulEach(products);
        if (products.isEmpty()) return;
        long macs = 0;
        for (Product p : products) macs += (long) p.w().rows() * p.w().cols();
        WeightMatrix first = products.getFirst().w(), last = products.getLast().w();
        String shapes = first.rows() + "x" + first.cols()
                + (last.rows() == first.rows() && last.cols() == first.cols() ? "" : "…" + last.rows() + "x" + last.cols());
        add("matmulEach " + products.size() + "× " + first.type().ggmlName() + " " + shapes, t0, macs);
    }

    @Override
    public void rmsnorm(float[] out, int outOffset, float[] x, int xOffset, int stride, int tokens, int n, float[] weight,
                        float eps) {
        time("rmsnorm", 0, () -> inner.rmsnorm(out, outOffset, x, xOffset, stride, tokens, n, weight, eps));
    }

    @Override
    public void rope(float[] x, int offset, int dims, float[] cos, float[] sin, int tableOffset) {
        time("rope", 0, () -> inner.rope(x, offset, dims, cos, sin, tableOffset));
    }

    @Override
    public void softmax(float[] x, int offset, int n, float scale) {
        time("softmax", 0, () -> inner.softmax(x, offset, n, scale));
    }

    @Override
    public void siluMul(float[] gate, float[] up, float[] out, int n) {
        time("siluMul", 0, () -> inner.siluMul(gate, up, out, n));
    }

    @Override
    public void attentionScores(float[] q, int qOffset, float[] keys, int keysOffset, int stride, int dim, int length,
                                float[] scores, int scoresOffset) {
        time("attentionScores", (long) dim * length,
                () -> inner.attentionScores(q, qOffset, keys, keysOffset, stride, dim, length, scores, scoresOffset));
    }

    @Override
    public void attentionMix(float[] p, int pOffset, float[] values, int valuesOffset, int stride, int dim, int length,
                             float[] out, int outOffset) {
        time("attentionMix", (long) dim * length,
                () -> inner.attentionMix(p, pOffset, values, valuesOffset, stride, dim, length, out, outOffset));
    }

    @Override
    public void close() {
        inner.close();
    }
}
