package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.F;
import static dev.seekfix.engine.kernels.cpu.Lanes.I;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.I32;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHR;

/**
 * Q4_0 (fp16 d, 16 bytes of nibbles: {@code (q−8)·d}) and Q5_0 (fp16 d, u32 of fifth bits, 16 bytes of nibbles:
 * {@code (q−16)·d}) rows. The 16 nibble bytes fill both halves of an 8-int vector; the upper half shifted right by 4
 * makes byte p of lane j the quant of element {@code 4j + p} ({@link LaneOrder}). Q5_0's fifth bits reach byte p of
 * lane j by shifting {@code qh} right by {@code 4j} and multiplying by {@code 0x02040810}, which moves bit p to
 * bit {@code 8p+4} without carries. The offset (−8 or −16) is applied once per block through the activation sums.
 */
final class NibbleBlockRows {

    private static final VectorShuffle<Integer> BOTH_HALVES = VectorShuffle.fromValues(I, 0, 1, 2, 3, 0, 1, 2, 3);
    private static final IntVector HIGH_NIBBLES = IntVector.fromArray(I, new int[]{0, 0, 0, 0, 4, 4, 4, 4}, 0);
    private static final IntVector FIFTH_BITS = IntVector.fromArray(I, new int[]{0, 4, 8, 12, 16, 20, 24, 28}, 0);

    private NibbleBlockRows() {
    }

    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset, boolean five) {
        float[] x = a.dot(), xd = a.scale(), bias = a.bias();
        int blocks = cols / 32, xo = token * cols, so = token * blocks, blockBytes = five ? 22 : 18, qsAt = five ? 6 : 2;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            float offsets = 0;
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) blockBytes * b, qs = blk + qsAt;
                // 16 bytes only (never past the matrix's end), both halves from one 128-bit load: no branch, no vector phi
                IntVector q = ((IntVector) IntVector.fromMemorySegment(IntVector.SPECIES_128, s, qs, LE).reinterpretShape(I, 0))
                        .rearrange(BOTH_HALVES).lanewise(LSHR, HIGH_NIBBLES).and(0x0F0F0F0F);
                if (five) {
                    IntVector h = IntVector.broadcast(I, s.get(I32, blk + 2)).lanewise(LSHR, FIFTH_BITS).and(0xF);
                    q = q.or(h.mul(0x02040810).and(0x10101010));
                }
                int xb = xo + 32 * b;
                FloatVector t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb));
                t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 8), t);
                t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 16), t);
                t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 24), t);
                float d = Float.float16ToFloat(s.get(I16, blk)) * xd[so + b];
                acc = t.fma(FloatVector.broadcast(F, d), acc);
                offsets += d * bias[so + b];
            }
            out[outOffset + r] = acc.reduceLanes(VectorOperators.ADD) + offsets;
        }
    }

    static void decode(MemorySegment s, long at, int cols, float[] w, int wo, boolean five) {
        int blockBytes = five ? 22 : 18, qsAt = five ? 6 : 2;
        float offset = five ? -16 : -8;
        for (int b = 0; b < cols / 32; b++) {
            long blk = at + (long) blockBytes * b, qs = blk + qsAt;
            IntVector q = ((IntVector) IntVector.fromMemorySegment(IntVector.SPECIES_128, s, qs, LE).reinterpretShape(I, 0))
                    .rearrange(BOTH_HALVES).lanewise(LSHR, HIGH_NIBBLES).and(0x0F0F0F0F);
            if (five) {
                IntVector h = IntVector.broadcast(I, s.get(I32, blk + 2)).lanewise(LSHR, FIFTH_BITS).and(0xF);
                q = q.or(h.mul(0x02040810).and(0x10101010));
            }
            float d = Float.float16ToFloat(s.get(I16, blk));
            FloatVector off = FloatVector.broadcast(F, offset * d);
            int o = wo + 32 * b;
            ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(FloatVector.broadcast(F, d), off).intoArray(w, o);
            ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.broadcast(F, d * 0x1p-8f), off).intoArray(w, o + 8);
            ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.broadcast(F, d * 0x1p-16f), off).intoArray(w, o + 16);
            ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.broadcast(F, d * 0x1p-24f), off).intoArray(w, o + 24);
        }
    }
}
