package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.WeightMatrix;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Vector API dot products of one weight row with one token's rounded activations, straight from the blocks.
 * For Q8 activations {@code values} holds the int8 quants as floats, so per-block products and their lane sums
 * are exact integers, as in ggml's integer kernels; only the final scaling and summation order differ.
 */
final class VectorDot {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;     // 8 lanes
    private static final VectorSpecies<Byte> B64 = ByteVector.SPECIES_64;      // 8 bytes
    private static final VectorSpecies<Byte> B256 = ByteVector.SPECIES_256;    // 32 bytes
    private static final VectorSpecies<Short> S128 = ShortVector.SPECIES_128;  // 8 shorts
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE);

    /** For Q5_0: byte b of qh expanded to 8 bytes, each 0x10 where b has a bit set. */
    private static final byte[] HIGH_BITS = new byte[256 * 8];

    static {
        for (int b = 0; b < 256; b++) {
            for (int i = 0; i < 8; i++) HIGH_BITS[b * 8 + i] = (byte) (((b >> i) & 1) << 4);
        }
    }

    private VectorDot() {
    }

    /** Whether {@link #dot} has a vector path for this type (the others use the scalar kernel). */
    static boolean supports(WeightMatrix w) {
        return switch (w.type()) {
            case F32, F16, BF16, Q8_0, Q4_0, Q5_0, Q4_K, Q6_K -> true;
            default -> false;
        };
    }

    static float dot(WeightMatrix w, int row, QuantizedActivations a, int token) {
        MemorySegment s = w.data();
        long at = row * w.rowBytes();
        int n = w.cols();
        int x = token * n;
        float[] v = a.values();
        return switch (w.type()) {
            case F32 -> f32(s, at, n, v, x);
            case F16 -> f16(s, at, n, v, x);
            case BF16 -> bf16(s, at, n, v, x);
            case Q8_0 -> q8_0(s, at, n, v, x, a.scales(), token * (n / 32));
            case Q4_0 -> q4_0(s, at, n, v, x, a.scales(), token * (n / 32), false);
            case Q5_0 -> q4_0(s, at, n, v, x, a.scales(), token * (n / 32), true);
            case Q4_K -> q4_K(s, at, n, v, x, a.scales(), a.sums(), token * (n / 256));
            case Q6_K -> q6_K(s, at, n, v, x, a.scales(), token * (n / 256));
            default -> throw new IllegalArgumentException("no vector kernel for " + w.type());
        };
    }

    private static float f32(MemorySegment s, long at, int n, float[] x, int xo) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i <= n - 8; i += 8) {
            acc = FloatVector.fromMemorySegment(F, s, at + 4L * i, LE).fma(FloatVector.fromArray(F, x, xo + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) sum += s.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at + 4L * i) * x[xo + i];
        return sum;
    }

    /** fp16 → f32 for normal and subnormal halves: shift exponent and mantissa into place, rescale by 2^112. */
    private static FloatVector halfToFloat(ShortVector h) {
        IntVector bits = (IntVector) h.convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0);
        IntVector magnitude = bits.and(0x7fff).lanewise(VectorOperators.LSHL, 13);
        FloatVector f = magnitude.reinterpretAsFloats().mul(0x1p112f);
        IntVector sign = bits.and(0x8000).lanewise(VectorOperators.LSHL, 16);
        return f.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    private static float f16(MemorySegment s, long at, int n, float[] x, int xo) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i <= n - 8; i += 8) {
            FloatVector w = halfToFloat(ShortVector.fromMemorySegment(S128, s, at + 2L * i, LE));
            acc = w.fma(FloatVector.fromArray(F, x, xo + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) sum += Float.float16ToFloat(s.get(I16, at + 2L * i)) * x[xo + i];
        return sum;
    }

    private static float bf16(MemorySegment s, long at, int n, float[] x, int xo) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (; i <= n - 8; i += 8) {
            IntVector bits = (IntVector) ShortVector.fromMemorySegment(S128, s, at + 2L * i, LE)
                    .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0);
            FloatVector w = bits.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
            acc = w.fma(FloatVector.fromArray(F, x, xo + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) sum += Float.intBitsToFloat((s.get(I16, at + 2L * i) & 0xFFFF) << 16) * x[xo + i];
        return sum;
    }

    private static FloatVector bytesToFloats(ByteVector b, int part) {
        return (FloatVector) b.convertShape(VectorOperators.B2F, F, part);
    }

    private static float q8_0(MemorySegment s, long at, int n, float[] x, int xo, float[] scales, int so) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < n / 32; b++) {
            long blk = at + 34L * b;
            int xb = xo + 32 * b;
            FloatVector block = FloatVector.zero(F);
            for (int part = 0; part < 4; part++) {
                FloatVector w = bytesToFloats(ByteVector.fromMemorySegment(B64, s, blk + 2 + 8 * part, LE), 0);
                block = w.fma(FloatVector.fromArray(F, x, xb + 8 * part), block);
            }
            float d = Float.float16ToFloat(s.get(I16, blk)) * scales[so + b];
            acc = block.fma(FloatVector.broadcast(F, d), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** Q4_0 ((q-8)·d) and Q5_0 (((q | high<<4) - 16)·d). */
    private static float q4_0(MemorySegment s, long at, int n, float[] x, int xo, float[] scales, int so, boolean five) {
        int blockBytes = five ? 22 : 18, qs = five ? 6 : 2, bias = five ? 16 : 8;
        FloatVector acc = FloatVector.zero(F);
        byte[] high = new byte[32];
        for (int b = 0; b < n / 32; b++) {
            long blk = at + (long) blockBytes * b;
            int xb = xo + 32 * b;
            ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, s, blk + qs, LE);
            ByteVector lo = q.and((byte) 0x0F);
            ByteVector hi = q.lanewise(VectorOperators.LSHR, 4);
            if (five) {
                int qh = s.get(I32, blk + 2);
                for (int k = 0; k < 4; k++) System.arraycopy(HIGH_BITS, ((qh >>> (8 * k)) & 0xFF) * 8, high, 8 * k, 8);
                lo = lo.or(ByteVector.fromArray(ByteVector.SPECIES_128, high, 0));
                hi = hi.or(ByteVector.fromArray(ByteVector.SPECIES_128, high, 16));
            }
            lo = lo.sub((byte) bias);
            hi = hi.sub((byte) bias);
            FloatVector block = bytesToFloats(lo, 0).mul(FloatVector.fromArray(F, x, xb));
            block = bytesToFloats(lo, 1).fma(FloatVector.fromArray(F, x, xb + 8), block);
            block = bytesToFloats(hi, 0).fma(FloatVector.fromArray(F, x, xb + 16), block);
            block = bytesToFloats(hi, 1).fma(FloatVector.fromArray(F, x, xb + 24), block);
            float d = Float.float16ToFloat(s.get(I16, blk)) * scales[so + b];
            acc = block.fma(FloatVector.broadcast(F, d), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private static int u8(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
    }

    /** Sum over 32 elements of nibble-or-6-bit quants (as bytes) times activations, as 4 × 8 lanes. */
    private static FloatVector dot32(ByteVector q, float[] x, int xo) {
        FloatVector acc = bytesToFloats(q, 0).mul(FloatVector.fromArray(F, x, xo));
        acc = bytesToFloats(q, 1).fma(FloatVector.fromArray(F, x, xo + 8), acc);
        acc = bytesToFloats(q, 2).fma(FloatVector.fromArray(F, x, xo + 16), acc);
        return bytesToFloats(q, 3).fma(FloatVector.fromArray(F, x, xo + 24), acc);
    }

    private static float q4_K(MemorySegment s, long at, int n, float[] x, int xo, float[] scales, float[] bsums, int so) {
        float sum = 0;
        for (int b = 0; b < n / 256; b++) {
            long blk = at + 144L * b;
            int xb = xo + 256 * b;
            long sc = blk + 4;
            FloatVector block = FloatVector.zero(F);
            int mins = 0;
            for (int chunk = 0; chunk < 4; chunk++) {
                ByteVector q = ByteVector.fromMemorySegment(B256, s, blk + 16 + 32L * chunk, LE);
                int j0 = 2 * chunk, j1 = 2 * chunk + 1;
                int sc0 = j0 < 4 ? u8(s, sc + j0) & 63 : (u8(s, sc + j0 + 4) & 0xF) | ((u8(s, sc + j0 - 4) >> 6) << 4);
                int sc1 = j1 < 4 ? u8(s, sc + j1) & 63 : (u8(s, sc + j1 + 4) & 0xF) | ((u8(s, sc + j1 - 4) >> 6) << 4);
                int m0 = j0 < 4 ? u8(s, sc + j0 + 4) & 63 : (u8(s, sc + j0 + 4) >> 4) | ((u8(s, sc + j0) >> 6) << 4);
                int m1 = j1 < 4 ? u8(s, sc + j1 + 4) & 63 : (u8(s, sc + j1 + 4) >> 4) | ((u8(s, sc + j1) >> 6) << 4);
                block = dot32(q.and((byte) 0x0F), x, xb + 64 * chunk).fma(FloatVector.broadcast(F, sc0), block);
                block = dot32(q.lanewise(VectorOperators.LSHR, 4), x, xb + 64 * chunk + 32).fma(FloatVector.broadcast(F, sc1), block);
                int bs = (so + b) * 16;
                mins += m0 * (int) (bsums[bs + 4 * chunk] + bsums[bs + 4 * chunk + 1])
                        + m1 * (int) (bsums[bs + 4 * chunk + 2] + bsums[bs + 4 * chunk + 3]);
            }
            float dy = scales[so + b];
            sum += Float.float16ToFloat(s.get(I16, blk)) * dy * block.reduceLanes(VectorOperators.ADD)
                    - Float.float16ToFloat(s.get(I16, blk + 2)) * dy * mins;
        }
        return sum;
    }

    private static float q6_K(MemorySegment s, long at, int n, float[] x, int xo, float[] scales, int so) {
        float sum = 0;
        for (int b = 0; b < n / 256; b++) {
            long blk = at + 210L * b;
            int xb = xo + 256 * b;
            FloatVector block = FloatVector.zero(F);
            for (int half = 0; half < 2; half++) {
                ByteVector ql0 = ByteVector.fromMemorySegment(B256, s, blk + 64L * half, LE);
                ByteVector ql1 = ByteVector.fromMemorySegment(B256, s, blk + 64L * half + 32, LE);
                ByteVector qh = ByteVector.fromMemorySegment(B256, s, blk + 128 + 32L * half, LE);
                ByteVector[] q = {
                        ql0.and((byte) 0xF).or(qh.and((byte) 3).lanewise(VectorOperators.LSHL, 4)),
                        ql1.and((byte) 0xF).or(qh.lanewise(VectorOperators.LSHR, 2).and((byte) 3).lanewise(VectorOperators.LSHL, 4)),
                        ql0.lanewise(VectorOperators.LSHR, 4).or(qh.lanewise(VectorOperators.LSHR, 4).and((byte) 3).lanewise(VectorOperators.LSHL, 4)),
                        ql1.lanewise(VectorOperators.LSHR, 4).or(qh.lanewise(VectorOperators.LSHR, 6).lanewise(VectorOperators.LSHL, 4))};
                for (int quarter = 0; quarter < 4; quarter++) {
                    ByteVector qq = q[quarter].sub((byte) 32);
                    int xq = xb + 128 * half + 32 * quarter;
                    int scaleIndex = 8 * half + 2 * quarter;
                    float sc0 = s.get(ValueLayout.JAVA_BYTE, blk + 192 + scaleIndex);
                    float sc1 = s.get(ValueLayout.JAVA_BYTE, blk + 192 + scaleIndex + 1);
                    FloatVector first = bytesToFloats(qq, 0).mul(FloatVector.fromArray(F, x, xq));
                    first = bytesToFloats(qq, 1).fma(FloatVector.fromArray(F, x, xq + 8), first);
                    FloatVector second = bytesToFloats(qq, 2).mul(FloatVector.fromArray(F, x, xq + 16));
                    second = bytesToFloats(qq, 3).fma(FloatVector.fromArray(F, x, xq + 24), second);
                    block = first.fma(FloatVector.broadcast(F, sc0), block);
                    block = second.fma(FloatVector.broadcast(F, sc1), block);
                }
            }
            sum += Float.float16ToFloat(s.get(I16, blk + 208)) * scales[so + b] * block.reduceLanes(VectorOperators.ADD);
        }
        return sum;
    }
}
