package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.F;
import static dev.seekfix.engine.kernels.cpu.Lanes.I;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;

/**
 * Q8_0 rows (blocks of 32: fp16 d, 32 × int8). The 32 quants load as 8 int lanes; byte p of every lane, sign-extended
 * by a shift pair, is the vector of elements {@code 4j + p} ({@link LaneOrder}). Per block the float sum of
 * quant products is an exact integer, scaled by {@code d_w·d_x} as in ggml's {@code ggml_vec_dot_q8_0_q8_0}.
 */
final class Q8_0Rows {

    private static final int BLOCK_BYTES = 34;

    private Q8_0Rows() {
    }

    /** {@code out[outOffset + r] = row r · token} for rows {@code from … to-1}. */
    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale();
        int blocks = cols / 32, xo = token * cols, so = token * blocks;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                IntVector v = IntVector.fromMemorySegment(I, s, blk + 2, LE);
                int xb = xo + 32 * b;
                FloatVector t = ((FloatVector) v.lanewise(LSHL, 24).lanewise(ASHR, 24).convert(I2F, 0))
                        .mul(FloatVector.fromArray(F, x, xb));
                t = ((FloatVector) v.lanewise(LSHL, 16).lanewise(ASHR, 24).convert(I2F, 0))
                        .fma(FloatVector.fromArray(F, x, xb + 8), t);
                t = ((FloatVector) v.lanewise(LSHL, 8).lanewise(ASHR, 24).convert(I2F, 0))
                        .fma(FloatVector.fromArray(F, x, xb + 16), t);
                t = ((FloatVector) v.lanewise(ASHR, 24).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 24), t);
                acc = t.fma(FloatVector.broadcast(F, Float.float16ToFloat(s.get(I16, blk)) * xd[so + b]), acc);
            }
            out[outOffset + r] = acc.reduceLanes(VectorOperators.ADD);
        }
    }

    /** The dequantized row at {@code at}, in lane order, into {@code w[wo …]}. */
    static void decode(MemorySegment s, long at, int cols, float[] w, int wo) {
        for (int b = 0; b < cols / 32; b++) {
            long blk = at + (long) BLOCK_BYTES * b;
            IntVector v = IntVector.fromMemorySegment(I, s, blk + 2, LE);
            FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(s.get(I16, blk)));
            int o = wo + 32 * b;
            ((FloatVector) v.lanewise(LSHL, 24).lanewise(ASHR, 24).convert(I2F, 0)).mul(d).intoArray(w, o);
            ((FloatVector) v.lanewise(LSHL, 16).lanewise(ASHR, 24).convert(I2F, 0)).mul(d).intoArray(w, o + 8);
            ((FloatVector) v.lanewise(LSHL, 8).lanewise(ASHR, 24).convert(I2F, 0)).mul(d).intoArray(w, o + 16);
            ((FloatVector) v.lanewise(ASHR, 24).convert(I2F, 0)).mul(d).intoArray(w, o + 24);
        }
    }
}
