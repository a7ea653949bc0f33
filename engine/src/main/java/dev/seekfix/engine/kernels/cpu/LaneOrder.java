package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.tensor.GgmlType;

/**
 * The element order in which the cpu kernels read a block of weights, and so the order their activations are laid out
 * in. A 32-byte load viewed as 8 int lanes holds elements {@code 4·lane + byte} (Q4_0, Q5_0, Q6_K); masking one
 * byte out of every lane and converting the ints to floats
 * gives 8 weights with no cross-lane shuffle, the costliest step of widening bytes on AVX2. The mask leaves each value
 * multiplied by {@code 2^shift} of its position in the lane; the dot kernels cancel that by scaling the activations by
 * {@link #dotScale} (a power of two: exact).
 *
 * @param group       elements per permutation group (a block or super-block)
 * @param natural     [group] lane-order index → element index within the group
 * @param dotScale    [group] factor of the activation at each lane-order index in the dot kernels
 */
record LaneOrder(int group, int[] natural, float[] dotScale) {

    /** Element {@code 4j + p} at index {@code 8p + j} of each 32: one int-lane byte position per 8-float vector. */
    private static final LaneOrder BYTES_SCALED = bytes();
    private static final LaneOrder Q6_K = Lanes.WIDE ? q6KWide() : q6K();
    private static final LaneOrder NIBBLE_PAIRS = nibblePairs();
    private static final LaneOrder NATURAL = new LaneOrder(1, new int[]{0}, new float[]{1});

    /** The order of the kernel {@link WeightRows} runs for rows of {@code cols} elements of {@code type}. */
    static LaneOrder of(GgmlType type, int cols) {
        return switch (type) {
            case Q4_0, Q5_0 -> NibblePairRows.fits(cols) ? NIBBLE_PAIRS : BYTES_SCALED;
            case Q6_K -> Q6_K;
            default -> NATURAL;
        };
    }

    private static LaneOrder bytes() {
        int[] natural = new int[32];
        float[] scale = new float[32];
        for (int p = 0; p < 4; p++) {
            for (int j = 0; j < 8; j++) {
                natural[8 * p + j] = 4 * j + p;
                scale[8 * p + j] = (float) Math.scalb(1.0, -8 * p);
            }
        }
        return new LaneOrder(32, natural, scale);
    }

    /**
     * {@link NibblePairRows}: two blocks per 64; byte p of lane j is element {@code 4j + p} of the first block for
     * j &lt; 8, {@code 4(j − 8) + p} of the second for j ≥ 8, value·2^(8p).
     */
    static LaneOrder nibblePairs() {
        int[] natural = new int[64];
        float[] scale = new float[64];
        for (int p = 0; p < 4; p++) {
            for (int j = 0; j < 16; j++) {
                natural[16 * p + j] = j < 8 ? 4 * j + p : 32 + 4 * (j - 8) + p;
                scale[16 * p + j] = (float) Math.scalb(1.0, -8 * p);
            }
        }
        return new LaneOrder(64, natural, scale);
    }

    /** {@link Q6_KRows} (8 lanes): half h, quarter x, byte p of lane j is element 4j + p, value·2^(8p). */
    static LaneOrder q6K() {
        int[] natural = new int[256];
        float[] scale = new float[256];
        for (int h = 0; h < 2; h++) {
            for (int x = 0; x < 4; x++) {
                for (int p = 0; p < 4; p++) {
                    for (int j = 0; j < 8; j++) {
                        int i = 128 * h + 32 * x + 8 * p + j;
                        natural[i] = 128 * h + 32 * x + 4 * j + p;
                        scale[i] = (float) Math.scalb(1.0, -8 * p);
                    }
                }
            }
        }
        return new LaneOrder(256, natural, scale);
    }

    /**
     * {@link Q6_KWideRows}: half h, vector v (0: quarters 0 and 1, 1: quarters 2 and 3), byte p of lane j is element
     * {@code 32(2v + j/8) + 4(j mod 8) + p}, value·2^(8p).
     */
    static LaneOrder q6KWide() {
        int[] natural = new int[256];
        float[] scale = new float[256];
        for (int h = 0; h < 2; h++) {
            for (int v = 0; v < 2; v++) {
                for (int p = 0; p < 4; p++) {
                    for (int j = 0; j < 16; j++) {
                        int i = 128 * h + 64 * v + 16 * p + j;
                        natural[i] = 128 * h + 32 * (2 * v + j / 8) + 4 * (j % 8) + p;
                        scale[i] = (float) Math.scalb(1.0, -8 * p);
                    }
                }
            }
        }
        return new LaneOrder(256, natural, scale);
    }
}
