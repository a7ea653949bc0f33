package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.F;
import static dev.seekfix.engine.kernels.cpu.Lanes.I;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

/**
 * Q6_K rows (super-blocks of 256: 128 bytes of low nibbles, 64 bytes of high 2-bit pairs, 16 int8 scales for
 * sub-blocks of 16, fp16 d; element = {@code d·sc·(q−32)}). Per half (128 elements) the 32-byte loads of
 * {@code ql[0..31]}, {@code ql[32..63]} and {@code qh[0..31]} combine with masks and shifts into four vectors whose
 * bytes are the 6-bit quants of elements {@code 32x + 4j + p} ({@link LaneOrder}), as in ggml's
 * {@code dequantize_row_q6_K}. Lanes 0–3 of such a vector belong to one sub-block and lanes 4–7 to the next, so one
 * scale vector serves all four byte positions. The −32 reaches the sum through the activation sums per 16.
 */
final class Q6_KRows {

    private static final int BLOCK_BYTES = 210;
    /** Quarter x's scales: sub-block 2x for lanes 0–3, 2x+1 for lanes 4–7. */
    private static final VectorShuffle<Float> PAIR0 = VectorShuffle.fromValues(F, 0, 0, 0, 0, 1, 1, 1, 1);
    private static final VectorShuffle<Float> PAIR1 = VectorShuffle.fromValues(F, 2, 2, 2, 2, 3, 3, 3, 3);
    private static final VectorShuffle<Float> PAIR2 = VectorShuffle.fromValues(F, 4, 4, 4, 4, 5, 5, 5, 5);
    private static final VectorShuffle<Float> PAIR3 = VectorShuffle.fromValues(F, 6, 6, 6, 6, 7, 7, 7, 7);

    private Q6_KRows() {
    }

    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale(), sums = a.bias();
        int blocks = cols / 256, xo = token * cols, so = token * blocks;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc0 = FloatVector.zero(F), acc1 = acc0; // two chains: the FMA latency is longer than a quarter
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                float d = Float.float16ToFloat(s.get(I16, blk + 208)) * xd[so + b];
                for (int h = 0; h < 2; h++) { // halves of 128: ql[64h…64h+63], qh[32h…32h+31], scales 8h…8h+7
                    long half = blk + 64L * h;
                    // loaded per half, not chosen from two: a vector picked by a branch (a phi) made C2 box it
                    FloatVector sch = ((FloatVector) ByteVector.fromMemorySegment(ByteVector.SPECIES_64, s, blk + 192 + 8L * h, LE)
                            .convertShape(VectorOperators.B2F, F, 0)).mul(d); // scales 8h … 8h+7 × d·dx
                    acc0 = sch.fma(FloatVector.fromArray(F, sums, 16 * (so + b) + 8 * h), acc0);
                    int xb = xo + 256 * b + 128 * h;
                    IntVector l0 = IntVector.fromMemorySegment(I, s, half, LE);
                    IntVector l1 = IntVector.fromMemorySegment(I, s, half + 32, LE);
                    IntVector qh = IntVector.fromMemorySegment(I, s, blk + 128 + 32L * h, LE);
                    IntVector q;
                    FloatVector t;
                    // quarter x: ql nibble (low for x = 0, 1; high for 2, 3) | qh bits 2x, 2x+1 moved to bits 4, 5
                    q = l0.and(0x0F0F0F0F).or(qh.lanewise(LSHL, 4).and(0x30303030));
                    t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb));
                    t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 8), t);
                    t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 16), t);
                    t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 24), t);
                    acc0 = t.fma(sch.rearrange(PAIR0), acc0);
                    q = l1.and(0x0F0F0F0F).or(qh.lanewise(LSHL, 2).and(0x30303030));
                    t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 32));
                    t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 40), t);
                    t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 48), t);
                    t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 56), t);
                    acc1 = t.fma(sch.rearrange(PAIR1), acc1);
                    q = l0.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.and(0x30303030));
                    t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 64));
                    t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 72), t);
                    t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 80), t);
                    t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 88), t);
                    acc0 = t.fma(sch.rearrange(PAIR2), acc0);
                    q = l1.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.lanewise(LSHR, 2).and(0x30303030));
                    t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 96));
                    t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 104), t);
                    t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 112), t);
                    t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 120), t);
                    acc1 = t.fma(sch.rearrange(PAIR3), acc1);
                }
            }
            out[outOffset + r] = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
    }

    static void decode(MemorySegment s, long at, int cols, float[] w, int wo) {
        for (int b = 0; b < cols / 256; b++) {
            long blk = at + (long) BLOCK_BYTES * b;
            FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(s.get(I16, blk + 208)));
            for (int h = 0; h < 2; h++) {
                long half = blk + 64L * h;
                IntVector l0 = IntVector.fromMemorySegment(I, s, half, LE);
                IntVector l1 = IntVector.fromMemorySegment(I, s, half + 32, LE);
                IntVector qh = IntVector.fromMemorySegment(I, s, blk + 128 + 32L * h, LE);
                FloatVector sch = ((FloatVector) ByteVector.fromMemorySegment(ByteVector.SPECIES_64, s, blk + 192 + 8L * h, LE)
                        .convertShape(VectorOperators.B2F, F, 0)).mul(d);
                // quarters written out as in dot: no vector or shuffle chosen by a loop index
                IntVector q = l0.and(0x0F0F0F0F).or(qh.lanewise(LSHL, 4).and(0x30303030));
                FloatVector scale = sch.rearrange(PAIR0);
                FloatVector offset = scale.mul(-32f);
                int o = wo + 256 * b + 128 * h;
                ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
                ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 8);
                ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 16);
                ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 24);
                q = l1.and(0x0F0F0F0F).or(qh.lanewise(LSHL, 2).and(0x30303030));
                scale = sch.rearrange(PAIR1);
                offset = scale.mul(-32f);
                o = wo + 256 * b + 128 * h + 32;
                ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
                ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 8);
                ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 16);
                ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 24);
                q = l0.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.and(0x30303030));
                scale = sch.rearrange(PAIR2);
                offset = scale.mul(-32f);
                o = wo + 256 * b + 128 * h + 64;
                ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
                ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 8);
                ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 16);
                ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 24);
                q = l1.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.lanewise(LSHR, 2).and(0x30303030));
                scale = sch.rearrange(PAIR3);
                offset = scale.mul(-32f);
                o = wo + 256 * b + 128 * h + 96;
                ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
                ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 8);
                ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 16);
                ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 24);
            }
        }
    }
}
