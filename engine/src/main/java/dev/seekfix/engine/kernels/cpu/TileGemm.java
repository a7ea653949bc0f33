package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.seekfix.engine.kernels.cpu.Lanes.FW;

/**
 * Float products of decoded weight rows with a batch of activations, two rows by up to four tokens at a time so that
 * every weight load serves four tokens and every activation load two rows (eight independent FMA chains, within
 * AVX2's 16 registers), in the machine's widest vectors (16 floats on AVX-512). Prefill decodes each row once per batch and spends the rest here.
 */
final class TileGemm {

    private static final int L = FW.length();

    private TileGemm() {
    }

    /**
     * {@code out[t·outStride + outRow + r] = w[r] · x[t]} for {@code r < rows}, {@code t < tokens}.
     *
     * @param w [rows rounded up to even][cols], a zero row padding an odd count
     * @param x [tokens][cols]
     */
    static void multiply(float[] w, int rows, int cols, float[] x, int tokens, float[] out, int outStride, int outRow) {
        for (int r = 0; r < rows; r += 2) {
            int w0 = r * cols;
            boolean second = r + 1 < rows;
            int t = 0;
            for (; t + 4 <= tokens; t += 4) {
                FloatVector a00 = FloatVector.zero(FW), a01 = a00, a02 = a00, a03 = a00;
                FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                int x0 = t * cols, x1 = x0 + cols, x2 = x1 + cols, x3 = x2 + cols;
                int i = 0;
                for (; i <= cols - L; i += L) {
                    FloatVector v0 = FloatVector.fromArray(FW, w, w0 + i), v1 = FloatVector.fromArray(FW, w, w0 + cols + i);
                    FloatVector y = FloatVector.fromArray(FW, x, x0 + i);
                    a00 = v0.fma(y, a00);
                    a10 = v1.fma(y, a10);
                    y = FloatVector.fromArray(FW, x, x1 + i);
                    a01 = v0.fma(y, a01);
                    a11 = v1.fma(y, a11);
                    y = FloatVector.fromArray(FW, x, x2 + i);
                    a02 = v0.fma(y, a02);
                    a12 = v1.fma(y, a12);
                    y = FloatVector.fromArray(FW, x, x3 + i);
                    a03 = v0.fma(y, a03);
                    a13 = v1.fma(y, a13);
                }
                store(out, t * outStride + outRow + r, outStride, second, w, w0, cols, x, x0, i, a00, a10);
                store(out, (t + 1) * outStride + outRow + r, outStride, second, w, w0, cols, x, x1, i, a01, a11);
                store(out, (t + 2) * outStride + outRow + r, outStride, second, w, w0, cols, x, x2, i, a02, a12);
                store(out, (t + 3) * outStride + outRow + r, outStride, second, w, w0, cols, x, x3, i, a03, a13);
            }
            for (; t < tokens; t++) {
                FloatVector a0 = FloatVector.zero(FW), a1 = a0, b0 = a0, b1 = a0;
                int x0 = t * cols;
                int i = 0;
                for (; i <= cols - 2 * L; i += 2 * L) {
                    FloatVector y0 = FloatVector.fromArray(FW, x, x0 + i), y1 = FloatVector.fromArray(FW, x, x0 + i + L);
                    a0 = FloatVector.fromArray(FW, w, w0 + i).fma(y0, a0);
                    b0 = FloatVector.fromArray(FW, w, w0 + i + L).fma(y1, b0);
                    a1 = FloatVector.fromArray(FW, w, w0 + cols + i).fma(y0, a1);
                    b1 = FloatVector.fromArray(FW, w, w0 + cols + i + L).fma(y1, b1);
                }
                store(out, t * outStride + outRow + r, outStride, second, w, w0, cols, x, x0, i, a0.add(b0), a1.add(b1));
            }
        }
    }

    /** Lane sums plus the scalar tail from column {@code i}, for one token and the row pair at {@code w0}. */
    private static void store(float[] out, int at, int outStride, boolean second, float[] w, int w0, int cols, float[] x,
                              int xo, int i, FloatVector first, FloatVector next) {
        float s0 = first.reduceLanes(VectorOperators.ADD), s1 = next.reduceLanes(VectorOperators.ADD);
        for (int c = i; c < cols; c++) {
            s0 += w[w0 + c] * x[xo + c];
            s1 += w[w0 + cols + c] * x[xo + c];
        }
        out[at] = s0;
        if (second) out[at + 1] = s1;
    }
}
