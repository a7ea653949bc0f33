package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.seekfix.engine.kernels.cpu.Lanes.BW;
import static dev.seekfix.engine.kernels.cpu.Lanes.FW;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.B2F;

/**
 * Q8_0 rows (blocks of 32: fp16 d, 32 × int8), in natural order: each load of {@code FW.length()} quants widens
 * straight to floats ({@code vpmovsxbd} + {@code vcvtdq2ps}). Per block the float sum of quant products is an exact
 * integer (the activations are Q8_0 quants too), scaled by {@code d_w·d_x} as in ggml's {@code ggml_vec_dot_q8_0_q8_0}.
 */
final class Q8_0Rows {

    private static final int BLOCK_BYTES = 34;
    private static final int L = FW.length();

    private Q8_0Rows() {
    }

    /** {@code out[outOffset + r] = row r · token} for rows {@code from … to-1}. */
    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale();
        int blocks = cols / 32, xo = token * cols, so = token * blocks;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            // two chains, even and odd blocks: with one, each block waited on the last one's multiply-add, and the
            // shorter chain lets the core run further ahead into the row's memory (+6–40% from DRAM, BENCHMARKS.md)
            FloatVector acc0 = FloatVector.zero(FW), acc1 = acc0;
            int b = 0;
            for (; b + 1 < blocks; b += 2) {
                long blk = at + (long) BLOCK_BYTES * b;
                int xb = xo + 32 * b;
                FloatVector t = ((FloatVector) ByteVector.fromMemorySegment(BW, s, blk + 2, LE).convertShape(B2F, FW, 0))
                        .mul(FloatVector.fromArray(FW, x, xb));
                for (int j = L; j < 32; j += L) {
                    t = ((FloatVector) ByteVector.fromMemorySegment(BW, s, blk + 2 + j, LE).convertShape(B2F, FW, 0))
                            .fma(FloatVector.fromArray(FW, x, xb + j), t);
                }
                acc0 = t.fma(FloatVector.broadcast(FW, Float.float16ToFloat(s.get(I16, blk)) * xd[so + b]), acc0);
                blk += BLOCK_BYTES;
                xb += 32;
                FloatVector u = ((FloatVector) ByteVector.fromMemorySegment(BW, s, blk + 2, LE).convertShape(B2F, FW, 0))
                        .mul(FloatVector.fromArray(FW, x, xb));
                for (int j = L; j < 32; j += L) {
                    u = ((FloatVector) ByteVector.fromMemorySegment(BW, s, blk + 2 + j, LE).convertShape(B2F, FW, 0))
                            .fma(FloatVector.fromArray(FW, x, xb + j), u);
                }
                acc1 = u.fma(FloatVector.broadcast(FW, Float.float16ToFloat(s.get(I16, blk)) * xd[so + b + 1]), acc1);
            }
            float last = 0; // an odd block count's last block, summed apart: no vector merged from two paths
            for (; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                float sum = 0;
                for (int j = 0; j < 32; j++) sum += s.get(ValueLayout.JAVA_BYTE, blk + 2 + j) * x[xo + 32 * b + j];
                last += sum * Float.float16ToFloat(s.get(I16, blk)) * xd[so + b];
            }
            out[outOffset + r] = acc0.add(acc1).reduceLanes(VectorOperators.ADD) + last;
        }
    }

    /** The dequantized row at {@code at} into {@code w[wo …]}. */
    static void decode(MemorySegment s, long at, int cols, float[] w, int wo) {
        for (int b = 0; b < cols / 32; b++) {
            long blk = at + (long) BLOCK_BYTES * b;
            FloatVector d = FloatVector.broadcast(FW, Float.float16ToFloat(s.get(I16, blk)));
            for (int j = 0; j < 32; j += L) {
                ((FloatVector) ByteVector.fromMemorySegment(BW, s, blk + 2 + j, LE).convertShape(B2F, FW, 0)).mul(d)
                        .intoArray(w, wo + 32 * b + j);
            }
        }
    }
}
