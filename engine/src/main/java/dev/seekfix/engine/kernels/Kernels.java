package dev.seekfix.engine.kernels;

import java.util.Arrays;
import java.util.List;

/**
 * The operations a transformer forward pass needs, over host float arrays and weight views. Implementations:
 * {@code scalar} (plain loops, the test oracle) and {@code cpu} (Vector API, multi-threaded); a device backend
 * implements the same contract. Arrays are flattened row-major; shapes are given in each method's comment.
 * Implementations are thread-confined to one forward pass at a time unless they say otherwise.
 */
public interface Kernels extends AutoCloseable {

    /** {@code scalar}, {@code cpu}, {@code cuda}. */
    String name();

    /**
     * {@code out[t][r] = Σ_c w[r][c] · x[t][c]} for {@code t < tokens}, computed from {@code w}'s blocks directly,
     * after rounding {@code x} to {@link VecDotType#of w's vec-dot type} as ggml does.
     *
     * @param x   [tokens][w.cols]
     * @param out [tokens][w.rows]
     */
    void matmul(WeightMatrix w, float[] x, int tokens, float[] out);

    /**
     * Runs several independent single-token products, each as {@link #matmul} with {@code tokens = 1} would (same
     * rounding of {@code x} to {@link VecDotType#of w's vec-dot type}, same results up to float summation order). A decode step has many
     * small products whose inputs are all known at once (every head's key absorption, every chosen expert's gate and
     * up): a backend can run them as one parallel job instead of paying a hand-off per product. No product's
     * {@code out} range may overlap another's, or any product's {@code x} range.
     */
    default void matmulEach(List<Product> products) {
        for (Product p : products) {
            WeightMatrix w = p.w();
            float[] x = Arrays.copyOfRange(p.x(), p.xOffset(), p.xOffset() + w.cols()); // [w.cols]
            float[] out = new float[w.rows()];
            matmul(w, x, 1, out);
            System.arraycopy(out, 0, p.out(), p.outOffset(), w.rows());
        }
    }

    /**
     * {@code out[t] = x[t] / sqrt(mean(x[t]²) + eps) · weight} for each of {@code tokens} vectors of {@code n}
     * values that start every {@code stride} floats at {@code xOffset} (and likewise in {@code out}).
     *
     * @param weight [n]
     */
    void rmsnorm(float[] out, int outOffset, float[] x, int xOffset, int stride, int tokens, int n, float[] weight, float eps);

    /**
     * Rotates adjacent pairs {@code (x[2i], x[2i+1])} of {@code dims} values at {@code offset} by the angle
     * whose cosine and sine are {@code cos[tableOffset+i]}, {@code sin[tableOffset+i]} (ggml rope mode NORM).
     */
    void rope(float[] x, int offset, int dims, float[] cos, float[] sin, int tableOffset);

    /** In place: {@code x = softmax(x · scale)} over {@code n} values at {@code offset}, as ggml's soft_max. */
    void softmax(float[] x, int offset, int n, float scale);

    /** {@code out[i] = silu(gate[i]) · up[i]} for {@code n} values. */
    void siluMul(float[] gate, float[] up, float[] out, int n);

    /**
     * Attention scores of one query against {@code length} cached keys:
     * {@code scores[scoresOffset+s] = q[qOffset …+dim] · keys[keysOffset + s·stride …+dim]}.
     */
    void attentionScores(float[] q, int qOffset, float[] keys, int keysOffset, int stride, int dim, int length,
                         float[] scores, int scoresOffset);

    /**
     * Probability-weighted sum of {@code length} cached values:
     * {@code out[outOffset+i] = Σ_s p[pOffset+s] · values[valuesOffset + s·stride + i]} for {@code i < dim}.
     */
    void attentionMix(float[] p, int pOffset, float[] values, int valuesOffset, int stride, int dim, int length,
                      float[] out, int outOffset);

    /** Releases worker threads. */
    @Override
    default void close() {
    }
}
