package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.tensor.GgmlType;

/**
 * The rounded activations of one matrix product, rearranged once into the {@link LaneOrder} of the weight type so
 * that every row's dot product reads them with plain vector loads.
 *
 * @param dot   [tokens][cols] in lane order, for the fused row dots: Q8 kinds the int8 quants times
 *              {@link LaneOrder#dotScale} (so per-block sums are exact), float kinds the rounded values; empty if
 *              not prepared
 * @param scale [tokens][cols / block] the activation scale of each Q8 block; empty for float kinds
 * @param bias  [tokens][…] per-type sums the dot kernels need for offsets and mins: Q4_0/Q5_0 −8/−16 × the quant sum
 *              per 32, Q4_K 16 per super-block (8 zeros, then −the quant sum of each 32: {@link Q4_KRows} applies
 *              scales and mins with one vector), Q6_K −32 × the quant sum per 16; empty otherwise
 * @param gemm  [tokens][cols] in lane order, the rounded values themselves (quant × scale), for the tile kernels;
 *              empty if not prepared
 */
record PreparedActivations(int tokens, int cols, float[] dot, float[] scale, float[] bias, float[] gemm) {

    private static final float[] NONE = new float[0];

    static PreparedActivations of(GgmlType weights, QuantizedActivations a, boolean forDot, boolean forGemm) {
        return of(weights, LaneOrder.of(weights, a.cols()), a, forDot, forGemm);
    }

    /** With an explicit order: tests run the kernels of the other vector width with it. */
    static PreparedActivations of(GgmlType weights, LaneOrder order, QuantizedActivations a, boolean forDot,
                                  boolean forGemm) {
        int tokens = a.tokens(), cols = a.cols();
        if (a.quants().length == 0) { // float kinds keep the natural order
            return new PreparedActivations(tokens, cols, a.values(), NONE, NONE, a.values());
        }
        byte[] q = a.quants();
        float[] d = a.scales();
        int block = a.type().blockSize(), group = order.group();
        int[] natural = order.natural();
        float[] dotScale = order.dotScale();
        float[] dot = forDot ? new float[tokens * cols] : NONE;
        float[] gemm = forGemm ? new float[tokens * cols] : NONE;
        for (int g = 0; g < tokens * cols; g += group) {
            for (int i = 0; i < group; i++) {
                int e = g + natural[i];
                if (forDot) dot[g + i] = q[e] * dotScale[i];
                if (forGemm) gemm[g + i] = q[e] * d[e / block];
            }
        }
        return new PreparedActivations(tokens, cols, dot, d, forDot ? bias(weights, a) : NONE, gemm);
    }

    private static float[] bias(GgmlType weights, QuantizedActivations a) {
        byte[] q = a.quants();
        int n = a.tokens() * a.cols();
        return switch (weights) {
            case Q4_0, Q5_0 -> {
                int offset = weights == GgmlType.Q4_0 ? -8 : -16;
                float[] b = new float[n / 32];
                for (int i = 0; i < b.length; i++) {
                    int sum = 0;
                    for (int j = 0; j < 32; j++) sum += q[32 * i + j];
                    b[i] = offset * sum;
                }
                yield b;
            }
            case Q4_K -> { // per super-block: 8 zeros (the scales' lanes), then −(sum per 32); Q8_K keeps sums per 16
                float[] b = new float[n / 16];
                for (int i = 0; i < n / 32; i++) b[16 * (i / 8) + 8 + i % 8] = -(a.sums()[2 * i] + a.sums()[2 * i + 1]);
                yield b;
            }
            case Q6_K -> {
                float[] b = new float[n / 16];
                for (int i = 0; i < b.length; i++) b[i] = -32 * a.sums()[i];
                yield b;
            }
            default -> NONE;
        };
    }
}
