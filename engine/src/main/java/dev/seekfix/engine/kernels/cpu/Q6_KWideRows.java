package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;

/**
 * Q6_K rows for 16-lane machines (AVX-512), the layout of {@link Q6_KRows} at twice the width: per half h, one 64-byte
 * load of {@code ql[64h … 64h+63]} holds quarter 0's low nibbles in lanes 0–7 and quarter 1's in lanes 8–15 (their high
 * nibbles are quarters 2 and 3); {@code qh[32h …]} is loaded once per super-block for both halves and duplicated into
 * both lane halves, and per-lane shifts move each quarter's 2 high bits next to its nibble. Byte p of lane j then holds
 * the quant of element {@code 32x + 4(j mod 8) + p} ({@link LaneOrder#q6KWide}); lanes 4k … 4k+3 share sub-block k of
 * the half, so one 16-lane scale vector serves all four byte positions. The −32 reaches the sum through the
 * activation sums per 16.
 */
final class Q6_KWideRows {

    private static final int BLOCK_BYTES = 210;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_512;
    /** qh of half 0 (ints 0–7 of the 64-byte qh load) into both lane halves, and of half 1 (ints 8–15). */
    private static final VectorShuffle<Integer> QH_HALF0 = VectorShuffle.fromValues(I, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7);
    private static final VectorShuffle<Integer> QH_HALF1 = VectorShuffle.fromValues(I, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15);
    /** Quarter 0's bits 0–1 (lanes 0–7) and quarter 1's bits 2–3 (lanes 8–15) up to bits 4–5. */
    private static final IntVector LOW_SHIFT = IntVector.fromArray(I, new int[]{4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2}, 0);
    /** Quarter 2's bits 4–5 stay, quarter 3's bits 6–7 come down to 4–5. */
    private static final IntVector HIGH_SHIFT = IntVector.fromArray(I, new int[]{0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2}, 0);
    /** Sub-block scales of each vector: half h, low (quarters 0, 1) or high (quarters 2, 3). */
    private static final VectorShuffle<Float> LOW0 = VectorShuffle.fromValues(F, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
    private static final VectorShuffle<Float> HIGH0 = VectorShuffle.fromValues(F, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7);
    private static final VectorShuffle<Float> LOW1 = VectorShuffle.fromValues(F, 8, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 11, 11, 11, 11);
    private static final VectorShuffle<Float> HIGH1 = VectorShuffle.fromValues(F, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 15);

    private Q6_KWideRows() {
    }

    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale(), sums = a.bias();
        int blocks = cols / 256, xo = token * cols, so = token * blocks;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc0 = FloatVector.zero(F), acc1 = acc0;
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                FloatVector sc = ((FloatVector) ByteVector.fromMemorySegment(ByteVector.SPECIES_128, s, blk + 192, LE)
                        .convertShape(VectorOperators.B2F, F, 0))
                        .mul(Float.float16ToFloat(s.get(I16, blk + 208)) * xd[so + b]); // the 16 scales × d·dx
                acc0 = sc.fma(FloatVector.fromArray(F, sums, 16 * (so + b)), acc0);
                IntVector qhAll = IntVector.fromMemorySegment(I, s, blk + 128, LE);
                int xb = xo + 256 * b;
                // the halves are written out: their shuffles must be constants (a shuffle picked by a loop index is an
                // object C2 may not fold, and did not: the looped form ran 30% slower)
                // half 0: ql[0 … 63], qh bits of half 0, scales 0 … 7
                IntVector l = IntVector.fromMemorySegment(I, s, blk, LE);
                IntVector qh = qhAll.rearrange(QH_HALF0);
                int xh = xb;
                IntVector q = l.and(0x0F0F0F0F).or(qh.lanewise(LSHL, LOW_SHIFT).and(0x30303030));
                FloatVector t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xh));
                t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 16), t);
                t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 32), t);
                t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 48), t);
                acc0 = t.fma(sc.rearrange(LOW0), acc0);
                q = l.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.lanewise(LSHR, HIGH_SHIFT).and(0x30303030));
                t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xh + 64));
                t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 80), t);
                t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 96), t);
                t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 112), t);
                acc1 = t.fma(sc.rearrange(HIGH0), acc1);
                // half 1: ql[64 … 127], qh bits of half 1, scales 8 … 15
                l = IntVector.fromMemorySegment(I, s, blk + 64, LE);
                qh = qhAll.rearrange(QH_HALF1);
                xh = xb + 128;
                q = l.and(0x0F0F0F0F).or(qh.lanewise(LSHL, LOW_SHIFT).and(0x30303030));
                t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xh));
                t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 16), t);
                t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 32), t);
                t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 48), t);
                acc0 = t.fma(sc.rearrange(LOW1), acc0);
                q = l.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.lanewise(LSHR, HIGH_SHIFT).and(0x30303030));
                t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xh + 64));
                t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 80), t);
                t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 96), t);
                t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xh + 112), t);
                acc1 = t.fma(sc.rearrange(HIGH1), acc1);
            }
            out[outOffset + r] = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
    }

    static void decode(MemorySegment s, long at, int cols, float[] w, int wo) {
        for (int b = 0; b < cols / 256; b++) {
            long blk = at + (long) BLOCK_BYTES * b;
            FloatVector sc = ((FloatVector) ByteVector.fromMemorySegment(ByteVector.SPECIES_128, s, blk + 192, LE)
                    .convertShape(VectorOperators.B2F, F, 0)).mul(Float.float16ToFloat(s.get(I16, blk + 208)));
            IntVector qhAll = IntVector.fromMemorySegment(I, s, blk + 128, LE);
            IntVector l = IntVector.fromMemorySegment(I, s, blk, LE);
            IntVector qh = qhAll.rearrange(QH_HALF0);
            IntVector q = l.and(0x0F0F0F0F).or(qh.lanewise(LSHL, LOW_SHIFT).and(0x30303030));
            FloatVector scale = sc.rearrange(LOW0);
            FloatVector offset = scale.mul(-32f);
            int o = wo + 256 * b;
            ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
            ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 16);
            ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 32);
            ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 48);
            q = l.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.lanewise(LSHR, HIGH_SHIFT).and(0x30303030));
            scale = sc.rearrange(HIGH0);
            offset = scale.mul(-32f);
            o = wo + 256 * b + 64;
            ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
            ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 16);
            ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 32);
            ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 48);
            l = IntVector.fromMemorySegment(I, s, blk + 64, LE);
            qh = qhAll.rearrange(QH_HALF1);
            q = l.and(0x0F0F0F0F).or(qh.lanewise(LSHL, LOW_SHIFT).and(0x30303030));
            scale = sc.rearrange(LOW1);
            offset = scale.mul(-32f);
            o = wo + 256 * b + 128;
            ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
            ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 16);
            ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 32);
            ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 48);
            q = l.lanewise(LSHR, 4).and(0x0F0F0F0F).or(qh.lanewise(LSHR, HIGH_SHIFT).and(0x30303030));
            scale = sc.rearrange(HIGH1);
            offset = scale.mul(-32f);
            o = wo + 256 * b + 192;
            ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
            ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 16);
            ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 32);
            ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 48);
        }
    }
}
