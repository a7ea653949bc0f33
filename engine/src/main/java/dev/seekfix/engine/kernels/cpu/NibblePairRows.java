package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.I32;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHR;

/**
 * Q4_0 and Q5_0 rows on 16-lane machines (AVX-512), two blocks per vector: {@link NibbleBlockRows}' layout with block
 * A in lanes 0–7 and block B in lanes 8–15. Each block's 16 nibble bytes are one 128-bit load; one two-vector
 * {@code selectFrom} (a single {@code vpermt2d}) puts A's 4 ints in lanes 0–3 and 4–7 and B's in 8–11 and 12–15, and a
 * per-lane shift picks low or high nibbles, so byte p of lane j is the quant of element {@code 4(j mod 8) + p} of its
 * block ({@link LaneOrder#nibblePairs}). Twice the weights per instruction of the 8-lane kernel (+30% measured: the
 * per-block scalar work stays). Needs an even number of blocks per row ({@link #fits}); the offset (−8 or −16) reaches
 * the sum through the activation sums, as there.
 */
final class NibblePairRows {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_512;
    private static final VectorSpecies<Integer> I4 = IntVector.SPECIES_128;
    /** Lanes 0–7 from the first operand's ints 0–3 (twice), 8–15 from the second's (indexes 16+ name the second). */
    private static final IntVector PAIR = IntVector.fromArray(I, new int[]{0, 1, 2, 3, 0, 1, 2, 3, 16, 17, 18, 19, 16, 17, 18, 19}, 0);
    private static final IntVector HIGH_NIBBLES = IntVector.fromArray(I, new int[]{0, 0, 0, 0, 4, 4, 4, 4, 0, 0, 0, 0, 4, 4, 4, 4}, 0);
    private static final IntVector FIFTH_BITS = IntVector.fromArray(I, new int[]{0, 4, 8, 12, 16, 20, 24, 28, 0, 4, 8, 12, 16, 20, 24, 28}, 0);
    private static final VectorMask<Integer> SECOND = VectorMask.fromLong(I, 0xFF00L);
    private static final VectorMask<Float> SECOND_F = VectorMask.fromLong(F, 0xFF00L);

    private NibblePairRows() {
    }

    /** Whether rows of {@code cols} run here: a 16-lane machine and whole pairs of 32-element blocks. */
    static boolean fits(int cols) {
        return Lanes.WIDE && cols % 64 == 0;
    }

    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset, boolean five) {
        if (five && cols == 128) dot5Rows128(s, rowBytes, from, to, a, token, out, outOffset);
        else dotPairs(s, rowBytes, from, to, cols, a, token, out, outOffset, five);
    }

    /**
     * Rows of 128 (two pairs), written out without an inner loop: DeepSeek-V2's per-head absorb products
     * ({@code attn_k_b}, 512×128 per head, Q5_0 in Q4_K_M files) have such rows, and a two-iteration inner loop ran at
     * a third of the long-row rate (C2's pre/main/post loop split and per-row bounds checks for two trips).
     */
    private static void dot5Rows128(MemorySegment s, long rowBytes, int from, int to, PreparedActivations a, int token,
                                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale(), bias = a.bias();
        int xo = token * 128, so = token * 4;
        FloatVector x00 = FloatVector.fromArray(F, x, xo), x01 = FloatVector.fromArray(F, x, xo + 16);
        FloatVector x02 = FloatVector.fromArray(F, x, xo + 32), x03 = FloatVector.fromArray(F, x, xo + 48);
        FloatVector x10 = FloatVector.fromArray(F, x, xo + 64), x11 = FloatVector.fromArray(F, x, xo + 80);
        FloatVector x12 = FloatVector.fromArray(F, x, xo + 96), x13 = FloatVector.fromArray(F, x, xo + 112);
        float xd0 = xd[so], xd1 = xd[so + 1], xd2 = xd[so + 2], xd3 = xd[so + 3];
        float b0 = bias[so], b1 = bias[so + 1], b2 = bias[so + 2], b3 = bias[so + 3];
        for (int r = from; r < to; r++) {
            long blk = r * rowBytes;
            // blocks 0 and 1
            IntVector qa = (IntVector) IntVector.fromMemorySegment(I4, s, blk + 6, LE).reinterpretShape(I, 0);
            IntVector qb = (IntVector) IntVector.fromMemorySegment(I4, s, blk + 28, LE).reinterpretShape(I, 0);
            IntVector q = PAIR.selectFrom(qa, qb).lanewise(LSHR, HIGH_NIBBLES).and(0x0F0F0F0F);
            IntVector h = IntVector.broadcast(I, s.get(I32, blk + 2)).blend(s.get(I32, blk + 24), SECOND)
                    .lanewise(LSHR, FIFTH_BITS).and(0xF);
            q = q.or(h.mul(0x02040810).and(0x10101010));
            FloatVector t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(x00);
            t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(x01, t);
            t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(x02, t);
            t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(x03, t);
            float d0 = Float.float16ToFloat(s.get(I16, blk)) * xd0, d1 = Float.float16ToFloat(s.get(I16, blk + 22)) * xd1;
            FloatVector acc = t.mul(FloatVector.broadcast(F, d0).blend(d1, SECOND_F));
            // blocks 2 and 3
            blk += 44;
            qa = (IntVector) IntVector.fromMemorySegment(I4, s, blk + 6, LE).reinterpretShape(I, 0);
            qb = (IntVector) IntVector.fromMemorySegment(I4, s, blk + 28, LE).reinterpretShape(I, 0);
            q = PAIR.selectFrom(qa, qb).lanewise(LSHR, HIGH_NIBBLES).and(0x0F0F0F0F);
            h = IntVector.broadcast(I, s.get(I32, blk + 2)).blend(s.get(I32, blk + 24), SECOND)
                    .lanewise(LSHR, FIFTH_BITS).and(0xF);
            q = q.or(h.mul(0x02040810).and(0x10101010));
            t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(x10);
            t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(x11, t);
            t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(x12, t);
            t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(x13, t);
            float d2 = Float.float16ToFloat(s.get(I16, blk)) * xd2, d3 = Float.float16ToFloat(s.get(I16, blk + 22)) * xd3;
            acc = t.fma(FloatVector.broadcast(F, d2).blend(d3, SECOND_F), acc);
            out[outOffset + r] = acc.reduceLanes(VectorOperators.ADD) + d0 * b0 + d1 * b1 + d2 * b2 + d3 * b3;
        }
    }

    /** Whole rows two blocks at a time; {@code five}: Q5_0 (fifth bits, 22-byte blocks), else Q4_0 (18-byte blocks). */
    private static void dotPairs(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a,
                                 int token, float[] out, int outOffset, boolean five) {
        float[] x = a.dot(), xd = a.scale(), bias = a.bias();
        int blocks = cols / 32, xo = token * cols, so = token * blocks, blockBytes = five ? 22 : 18, qsAt = five ? 6 : 2;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            float offsets = 0;
            for (int b = 0; b < blocks; b += 2) {
                long blk = at + (long) blockBytes * b;
                IntVector qa = (IntVector) IntVector.fromMemorySegment(I4, s, blk + qsAt, LE).reinterpretShape(I, 0);
                IntVector qb = (IntVector) IntVector.fromMemorySegment(I4, s, blk + blockBytes + qsAt, LE).reinterpretShape(I, 0);
                IntVector q = PAIR.selectFrom(qa, qb).lanewise(LSHR, HIGH_NIBBLES).and(0x0F0F0F0F);
                if (five) { // fifth bits as in NibbleBlockRows: bit 4j + p of each block's qh to bit 8p + 4 of lane j
                    IntVector h = IntVector.broadcast(I, s.get(I32, blk + 2)).blend(s.get(I32, blk + blockBytes + 2), SECOND)
                            .lanewise(LSHR, FIFTH_BITS).and(0xF);
                    q = q.or(h.mul(0x02040810).and(0x10101010));
                }
                int xb = xo + 32 * b;
                FloatVector t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb));
                t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 16), t);
                t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 32), t);
                t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 48), t);
                float d0 = Float.float16ToFloat(s.get(I16, blk)) * xd[so + b];
                float d1 = Float.float16ToFloat(s.get(I16, blk + blockBytes)) * xd[so + b + 1];
                acc = t.fma(FloatVector.broadcast(F, d0).blend(d1, SECOND_F), acc);
                offsets += d0 * bias[so + b] + d1 * bias[so + b + 1];
            }
            out[outOffset + r] = acc.reduceLanes(VectorOperators.ADD) + offsets;
        }
    }

    /** The dequantized row at {@code at}, in {@link LaneOrder#nibblePairs}, into {@code w[wo …]}. */
    static void decode(MemorySegment s, long at, int cols, float[] w, int wo, boolean five) {
        int blockBytes = five ? 22 : 18, qsAt = five ? 6 : 2;
        float offset = five ? -16 : -8;
        for (int b = 0; b < cols / 32; b += 2) {
            long blk = at + (long) blockBytes * b;
            IntVector qa = (IntVector) IntVector.fromMemorySegment(I4, s, blk + qsAt, LE).reinterpretShape(I, 0);
            IntVector qb = (IntVector) IntVector.fromMemorySegment(I4, s, blk + blockBytes + qsAt, LE).reinterpretShape(I, 0);
            IntVector q = PAIR.selectFrom(qa, qb).lanewise(LSHR, HIGH_NIBBLES).and(0x0F0F0F0F);
            if (five) {
                IntVector h = IntVector.broadcast(I, s.get(I32, blk + 2)).blend(s.get(I32, blk + blockBytes + 2), SECOND)
                        .lanewise(LSHR, FIFTH_BITS).and(0xF);
                q = q.or(h.mul(0x02040810).and(0x10101010));
            }
            FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(s.get(I16, blk)))
                    .blend(Float.float16ToFloat(s.get(I16, blk + blockBytes)), SECOND_F);
            FloatVector off = d.mul(offset);
            int o = wo + 32 * b;
            ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(d, off).intoArray(w, o);
            ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(d.mul(0x1p-8f), off).intoArray(w, o + 16);
            ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(d.mul(0x1p-16f), off).intoArray(w, o + 32);
            ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(d.mul(0x1p-24f), off).intoArray(w, o + 48);
        }
    }
}
