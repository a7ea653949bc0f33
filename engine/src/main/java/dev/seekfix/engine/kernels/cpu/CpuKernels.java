package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.ActivationQuantizer;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.Product;
import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.VecDotType;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.kernels.scalar.ScalarDot;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import dev.seekfix.engine.tensor.GgmlType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Vector API kernels, multi-threaded over weight rows with a spinning pool. Single tokens (decoding) take fused
 * per-type row dots that read the quantized blocks directly, and many small ones run as one job
 * ({@link #matmulEach}); batches decode each weight row once to floats and multiply it with the whole batch
 * ({@link TileGemm}). Types without a vector path fall back to the scalar row dot.
 * Small element-wise ops delegate to the scalar kernels (they are not where the time goes).
 */
public final class CpuKernels implements Kernels {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

    /** Batches from this size decode each weight row once and run {@link TileGemm}; smaller ones use the fused dots. */
    static final int TILED_FROM_TOKENS = 2;
    /** Rows decoded per pass of the tiled path. */
    private static final int TILE_ROWS = 2;

    private final RowPool pool;
    private final ScalarKernels scalar = new ScalarKernels();
    private final ActivationCache activations = new ActivationCache();

    /** @param threads worker threads including the caller; 0 = one per available processor */
    public CpuKernels(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, found " + threads);
        this.pool = new RowPool(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }

    public int threads() { return pool.threads(); }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public void matmul(WeightMatrix w, float[] x, int tokens, float[] out) {
        GgmlType type = w.type();
        int rows = w.rows(), cols = w.cols();
        long work = (long) rows * cols * tokens;
        if (!WeightRows.supports(type)) {
            QuantizedActivations a = ActivationQuantizer.quantize(VecDotType.of(type), x, tokens, cols);
            pool.forRows(rows, work, (from, to) -> {
                for (int r = from; r < to; r++) {
                    for (int t = 0; t < tokens; t++) out[t * rows + r] = ScalarDot.dot(w, r, a, t);
                }
            });
            return;
        }
        boolean tiled = tokens >= TILED_FROM_TOKENS;
        PreparedActivations a = activations.prepare(type, x, tokens, cols, tiled);
        MemorySegment s = w.data();
        long rowBytes = w.rowBytes();
        if (!tiled) {
            pool.forRows(rows, work, 16, (from, to) -> {
                for (int t = 0; t < tokens; t++) WeightRows.dot(type, s, rowBytes, from, to, cols, a, t, out, t * rows);
            });
            return;
        }
        float[] gemm = a.gemm();
        pool.forRows(rows, work, TILE_ROWS, (from, to) -> {
            float[] decoded = new float[TILE_ROWS * cols]; // [TILE_ROWS][cols] in lane order
            for (int r = from; r < to; r += TILE_ROWS) {
                int n = Math.min(TILE_ROWS, to - r);
                for (int i = 0; i < n; i++) WeightRows.decode(type, s, (r + i) * rowBytes, cols, decoded, i * cols);
                TileGemm.multiply(decoded, n, cols, gemm, tokens, out, rows, r);
            }
        });
    }

    /**
     * One pool job over the rows of all products ({@link ProductBatch}), with the same fused row dots (or scalar
     * fallback) as a single-token {@link #matmul}, so each product's result equals that call's (up to the order in which
     * the Vector API sums a row's lanes, which it leaves unspecified).
     */
    @Override
    public void matmulEach(List<Product> products) {
        if (products.isEmpty()) return;
        ProductBatch batch = ProductBatch.of(products, pool.threads());
        pool.forRows(batch.pieces(), batch.work(), batch);
    }

    @Override
    public void rmsnorm(float[] out, int outOffset, float[] x, int xOffset, int stride, int tokens, int n, float[] weight,
                        float eps) {
        scalar.rmsnorm(out, outOffset, x, xOffset, stride, tokens, n, weight, eps);
    }

    @Override
    public void rope(float[] x, int offset, int dims, float[] cos, float[] sin, int tableOffset) {
        scalar.rope(x, offset, dims, cos, sin, tableOffset);
    }

    @Override
    public void softmax(float[] x, int offset, int n, float scale) {
        scalar.softmax(x, offset, n, scale);
    }

    /**
     * {@code out = silu(gate) · up} with the Vector API's {@code EXP} (a vectorized math-library call, within an ulp of
     * {@link Math#exp}): the scalar loop cost a quarter of a millisecond per decoded token on a 2-core machine; a
     * prefill batch's long vectors are split over the pool.
     */
    @Override
    public void siluMul(float[] gate, float[] up, float[] out, int n) {
        int step = Lanes.FW.length(), chunk = 64 * step;
        pool.forRows((n + chunk - 1) / chunk, 8L * n, (from, to) -> {
            int end = Math.min(n, to * chunk), i = from * chunk;
            for (; i <= end - step; i += step) {
                FloatVector g = FloatVector.fromArray(Lanes.FW, gate, i);
                g.div(g.neg().lanewise(VectorOperators.EXP).add(1f)).mul(FloatVector.fromArray(Lanes.FW, up, i)).intoArray(out, i);
            }
            for (; i < end; i++) out[i] = gate[i] / (1.0f + (float) Math.exp(-gate[i])) * up[i];
        });
    }

    @Override
    public void attentionScores(float[] q, int qOffset, float[] keys, int keysOffset, int stride, int dim, int length,
                                float[] scores, int scoresOffset) {
        pool.forRows(length, (long) length * dim, (from, to) -> {
            for (int s = from; s < to; s++) {
                int k = keysOffset + s * stride;
                FloatVector acc = FloatVector.zero(F);
                int i = 0;
                for (; i <= dim - 8; i += 8) {
                    acc = FloatVector.fromArray(F, q, qOffset + i).fma(FloatVector.fromArray(F, keys, k + i), acc);
                }
                float sum = acc.reduceLanes(VectorOperators.ADD);
                for (; i < dim; i++) sum += q[qOffset + i] * keys[k + i];
                scores[scoresOffset + s] = sum;
            }
        });
    }

    @Override
    public void attentionMix(float[] p, int pOffset, float[] values, int valuesOffset, int stride, int dim, int length,
                             float[] out, int outOffset) {
        // split over output dimensions so threads never write the same element
        pool.forRows(dim / 8, (long) length * dim, (from, to) -> {
            for (int i = from * 8; i < to * 8; i += 8) {
                FloatVector acc = FloatVector.zero(F);
                for (int s = 0; s < length; s++) {
                    acc = FloatVector.fromArray(F, values, valuesOffset + s * stride + i).fma(FloatVector.broadcast(F, p[pOffset + s]), acc);
                }
                acc.intoArray(out, outOffset + i);
            }
        });
        for (int i = dim / 8 * 8; i < dim; i++) {
            float sum = 0;
            for (int s = 0; s < length; s++) sum += p[pOffset + s] * values[valuesOffset + s * stride + i];
            out[outOffset + i] = sum;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
