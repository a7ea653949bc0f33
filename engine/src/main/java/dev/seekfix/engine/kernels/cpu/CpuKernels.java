package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.ActivationQuantizer;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.VecDotType;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.kernels.scalar.ScalarDot;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels, multi-threaded over weight rows with a fixed pool. Matrix products read each weight row
 * once per batch and dot it with every token; types without a vector path fall back to the scalar row dot.
 * Small element-wise ops delegate to the scalar kernels (they are not where the time goes).
 */
public final class CpuKernels implements Kernels {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

    private final RowPool pool;
    private final ScalarKernels scalar = new ScalarKernels();

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
        QuantizedActivations a = ActivationQuantizer.quantize(VecDotType.of(w.type()), x, tokens, w.cols());
        int rows = w.rows();
        boolean vector = VectorDot.supports(w);
        pool.forRows(rows, (long) rows * w.cols() * tokens, (from, to) -> {
            for (int r = from; r < to; r++) {
                for (int t = 0; t < tokens; t++) {
                    out[t * rows + r] = vector ? VectorDot.dot(w, r, a, t) : ScalarDot.dot(w, r, a, t);
                }
            }
        });
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

    @Override
    public void siluMul(float[] gate, float[] up, float[] out, int n) {
        scalar.siluMul(gate, up, out, n);
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
