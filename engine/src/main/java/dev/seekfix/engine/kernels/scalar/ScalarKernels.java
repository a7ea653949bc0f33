package dev.seekfix.engine.kernels.scalar;

import dev.seekfix.engine.kernels.ActivationQuantizer;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.VecDotType;
import dev.seekfix.engine.kernels.WeightMatrix;

/**
 * The reference kernels: one thread, plain loops, the arithmetic of ggml's CPU backend written out (double sums
 * where ggml uses {@code ggml_float}). Slow and obviously correct; every other backend is tested against it.
 */
public final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void matmul(WeightMatrix w, float[] x, int tokens, float[] out) {
        QuantizedActivations a = ActivationQuantizer.quantize(VecDotType.of(w.type()), x, tokens, w.cols());
        for (int t = 0; t < tokens; t++) {
            for (int r = 0; r < w.rows(); r++) out[t * w.rows() + r] = ScalarDot.dot(w, r, a, t);
        }
    }

    // ggml_compute_forward_rms_norm_f32: sum of squares in double, scale = 1/sqrtf(mean + eps); then ggml_mul
    @Override
    public void rmsnorm(float[] out, int outOffset, float[] x, int xOffset, int stride, int tokens, int n, float[] weight,
                        float eps) {
        for (int t = 0; t < tokens; t++) {
            int xo = xOffset + t * stride, oo = outOffset + t * stride;
            double sum = 0;
            for (int i = 0; i < n; i++) sum += x[xo + i] * x[xo + i];
            float mean = (float) (sum / n);
            float scale = (float) (1.0 / Math.sqrt(mean + eps));
            for (int i = 0; i < n; i++) out[oo + i] = (x[xo + i] * scale) * weight[i];
        }
    }

    @Override
    public void rope(float[] x, int offset, int dims, float[] cos, float[] sin, int tableOffset) {
        for (int i = 0; i < dims / 2; i++) {
            float c = cos[tableOffset + i], s = sin[tableOffset + i];
            float x0 = x[offset + 2 * i], x1 = x[offset + 2 * i + 1];
            x[offset + 2 * i] = x0 * c - x1 * s;
            x[offset + 2 * i + 1] = x0 * s + x1 * c;
        }
    }

    // ggml soft_max: scale, max, exp(x - max) summed in double, multiply by 1/sum
    @Override
    public void softmax(float[] x, int offset, int n, float scale) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[offset + i] *= scale;
            max = Math.max(max, x[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[offset + i] - max);
            x[offset + i] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int i = 0; i < n; i++) x[offset + i] *= inv;
    }

    @Override
    public void siluMul(float[] gate, float[] up, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            float g = gate[i];
            out[i] = g / (1.0f + (float) Math.exp(-g)) * up[i];
        }
    }

    @Override
    public void attentionScores(float[] q, int qOffset, float[] keys, int keysOffset, int stride, int dim, int length,
                                float[] scores, int scoresOffset) {
        for (int s = 0; s < length; s++) {
            float sum = 0;
            int k = keysOffset + s * stride;
            for (int i = 0; i < dim; i++) sum += q[qOffset + i] * keys[k + i];
            scores[scoresOffset + s] = sum;
        }
    }

    @Override
    public void attentionMix(float[] p, int pOffset, float[] values, int valuesOffset, int stride, int dim, int length,
                             float[] out, int outOffset) {
        for (int i = 0; i < dim; i++) out[outOffset + i] = 0;
        for (int s = 0; s < length; s++) {
            float ps = p[pOffset + s];
            int v = valuesOffset + s * stride;
            for (int i = 0; i < dim; i++) out[outOffset + i] += ps * values[v + i];
        }
    }
}
