package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.BW;
import static dev.seekfix.engine.kernels.cpu.Lanes.FW;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.IW;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static dev.seekfix.engine.kernels.cpu.Lanes.WIDE;
import static jdk.incubator.vector.VectorOperators.B2F;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.ZERO_EXTEND_B2I;

/**
 * Q4_K rows (super-blocks of 256: fp16 d, fp16 dmin, 12 bytes of 6-bit scales and mins for 8 sub-blocks of 32,
 * 128 bytes of nibbles; element = {@code d·sc·q − dmin·m}), in natural order, for either vector width
 * ({@link Lanes#FW}). Each 32 nibble bytes hold sub-blocks 2c (low nibbles) and 2c+1 (high); every load of
 * {@code FW.length()} bytes widens to ints once and yields both nibbles of each byte by a mask and a shift. As in
 * ggml's {@code ggml_vec_dot_q4_K_q8_K}, the mins meet the activations only through their per-sub-block sums.
 *
 * <p>The 6-bit scales and mins are unpacked with vector operations ({@code get_scale_min_k4} for all 8 sub-blocks at
 * once: ggml's kmask word arithmetic on 4 int lanes) and each sub-block's scale is broadcast from that vector by a
 * constant shuffle, so the fused dot has no scalar work per sub-block. Unpacking them with scalar code through an
 * array cost more than the nibble arithmetic itself: this layout doubled the kernel's rate (BENCHMARKS.md). The four
 * sub-block pairs are written out rather than looped over because their shuffles must be constants: a shuffle picked
 * by a loop index is an object C2 cannot fold.
 */
final class Q4_KRows {
    private static final int BLOCK_BYTES = 144;
    private static final int L = FW.length();
    private static final VectorSpecies<Integer> I4 = IntVector.SPECIES_128;
    /*
     * The 16 bytes at a super-block's start as ints [d|dmin, u0, u1, u2]; get_scale_min_k4 for all 8 sub-blocks is
     *   scales 0–3 = u0 & 0x3f3f3f3f            scales 4–7 = (u2 & 0x0f0f0f0f) | ((u0 >> 2) & 0x30303030)
     *   mins 0–3   = u1 & 0x3f3f3f3f            mins 4–7   = ((u2 >> 4) & 0x0f0f0f0f) | ((u1 >> 2) & 0x30303030)
     * i.e. lane-wise ((A >> SHIFT) & MASK) | ((B >> 2) & HIGH) with A = [u0, u2, u1, u2] and B = [u0, u0, u1, u1].
     */
    private static final VectorShuffle<Integer> A_LANES = VectorShuffle.fromValues(I4, 1, 3, 2, 3);
    private static final VectorShuffle<Integer> B_LANES = VectorShuffle.fromValues(I4, 1, 1, 2, 2);
    private static final IntVector SHIFT = IntVector.fromArray(I4, new int[]{0, 0, 0, 4}, 0);
    private static final IntVector MASK = IntVector.fromArray(I4, new int[]{0x3f3f3f3f, 0x0f0f0f0f, 0x3f3f3f3f, 0x0f0f0f0f}, 0);
    private static final IntVector HIGH = IntVector.fromArray(I4, new int[]{0, 0x30303030, 0, 0x30303030}, 0);
    /** The mins' two ints first, for 8-lane machines where one widening takes 8 bytes. */
    private static final VectorShuffle<Integer> MINS_FIRST = VectorShuffle.fromValues(I4, 2, 3, 0, 1);
    /** On 16 lanes, lanes 8–15 of the unpacked vector are the mins (times dmin, not d). */
    private static final VectorMask<Float> MINS = VectorMask.fromLong(FW, 0xFF00L);
    /** Broadcast of lane k: sub-block k's scale. */
    private static final VectorShuffle<Float> S0 = VectorShuffle.iota(FW, 0, 0, true);
    private static final VectorShuffle<Float> S1 = VectorShuffle.iota(FW, 1, 0, true);
    private static final VectorShuffle<Float> S2 = VectorShuffle.iota(FW, 2, 0, true);
    private static final VectorShuffle<Float> S3 = VectorShuffle.iota(FW, 3, 0, true);
    private static final VectorShuffle<Float> S4 = VectorShuffle.iota(FW, 4, 0, true);
    private static final VectorShuffle<Float> S5 = VectorShuffle.iota(FW, 5, 0, true);
    private static final VectorShuffle<Float> S6 = VectorShuffle.iota(FW, 6, 0, true);
    private static final VectorShuffle<Float> S7 = VectorShuffle.iota(FW, 7, 0, true);
    /** Broadcast of sub-block k's min: lane 8 + k of the one vector on 16 lanes, lane k of the mins' own on 8. */
    private static final VectorShuffle<Float> M0 = VectorShuffle.iota(FW, WIDE ? 8 : 0, 0, true);
    private static final VectorShuffle<Float> M1 = VectorShuffle.iota(FW, WIDE ? 9 : 1, 0, true);
    private static final VectorShuffle<Float> M2 = VectorShuffle.iota(FW, WIDE ? 10 : 2, 0, true);
    private static final VectorShuffle<Float> M3 = VectorShuffle.iota(FW, WIDE ? 11 : 3, 0, true);
    private static final VectorShuffle<Float> M4 = VectorShuffle.iota(FW, WIDE ? 12 : 4, 0, true);
    private static final VectorShuffle<Float> M5 = VectorShuffle.iota(FW, WIDE ? 13 : 5, 0, true);
    private static final VectorShuffle<Float> M6 = VectorShuffle.iota(FW, WIDE ? 14 : 6, 0, true);
    private static final VectorShuffle<Float> M7 = VectorShuffle.iota(FW, WIDE ? 15 : 7, 0, true);

    private Q4_KRows() {
    }

    /**
     * {@code out[outOffset + r] = row r · token}. The activation bias holds 16 values per super-block: zeros, then the
     * negated quant sums of its 8 sub-blocks ({@link PreparedActivations}), so one fused multiply-add applies every
     * min on either width.
     */
    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale(), sums = a.bias();
        int blocks = cols / 256, xo = token * cols, so = token * blocks;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc0 = FloatVector.zero(FW), acc1 = acc0;
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                float dx = xd[so + b];
                float d = Float.float16ToFloat(s.get(I16, blk)) * dx, dmin = Float.float16ToFloat(s.get(I16, blk + 2)) * dx;
                IntVector raw = IntVector.fromMemorySegment(I4, s, blk, LE);
                IntVector six = raw.rearrange(A_LANES).lanewise(LSHR, SHIFT).and(MASK) // 8 scales, 8 mins as bytes
                        .or(raw.rearrange(B_LANES).lanewise(LSHR, 2).and(HIGH));
                FloatVector sm; // [scales × d·dx (| mins × dmin·dx on 16 lanes)]
                if (WIDE) {
                    sm = ((FloatVector) six.reinterpretAsBytes().convertShape(B2F, FW, 0))
                            .mul(FloatVector.broadcast(FW, d).blend(dmin, MINS));
                    acc1 = sm.fma(FloatVector.fromArray(FW, sums, 16 * (so + b)), acc1);
                } else {
                    sm = ((FloatVector) six.reinterpretAsBytes().convertShape(B2F, FW, 0)).mul(d);
                    acc1 = ((FloatVector) six.rearrange(MINS_FIRST).reinterpretAsBytes().convertShape(B2F, FW, 0)).mul(dmin)
                            .fma(FloatVector.fromArray(FW, sums, 16 * (so + b) + 8), acc1);
                }
                long q = blk + 16;
                int xb = xo + 256 * b;
                IntVector v = (IntVector) ByteVector.fromMemorySegment(BW, s, q, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                FloatVector lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb));
                FloatVector hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb + 32));
                for (int i = L; i < 32; i += L) {
                    v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                    lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + i), lo);
                    hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + 32 + i), hi);
                }
                acc0 = lo.fma(sm.rearrange(S0), acc0);
                acc1 = hi.fma(sm.rearrange(S1), acc1);
                q += 32;
                xb += 64;
                v = (IntVector) ByteVector.fromMemorySegment(BW, s, q, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb));
                hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb + 32));
                for (int i = L; i < 32; i += L) {
                    v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                    lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + i), lo);
                    hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + 32 + i), hi);
                }
                acc0 = lo.fma(sm.rearrange(S2), acc0);
                acc1 = hi.fma(sm.rearrange(S3), acc1);
                q += 32;
                xb += 64;
                v = (IntVector) ByteVector.fromMemorySegment(BW, s, q, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb));
                hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb + 32));
                for (int i = L; i < 32; i += L) {
                    v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                    lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + i), lo);
                    hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + 32 + i), hi);
                }
                acc0 = lo.fma(sm.rearrange(S4), acc0);
                acc1 = hi.fma(sm.rearrange(S5), acc1);
                q += 32;
                xb += 64;
                v = (IntVector) ByteVector.fromMemorySegment(BW, s, q, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb));
                hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb + 32));
                for (int i = L; i < 32; i += L) {
                    v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                    lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + i), lo);
                    hi = ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + 32 + i), hi);
                }
                acc0 = lo.fma(sm.rearrange(S6), acc0);
                acc1 = hi.fma(sm.rearrange(S7), acc1);
            }
            out[outOffset + r] = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
    }

    /**
     * The dequantized row at {@code at} into {@code w[wo …]}. Scales and mins are broadcast from their vectors by
     * constant shuffles as in {@link #dot}: storing the vector to an array and reading single floats back made each
     * read wait for the wide store (no store-to-load forwarding at an offset) and ran this at 3.8 G weights/s.
     */
    static void decode(MemorySegment s, long at, int cols, float[] w, int wo) {
        for (int b = 0; b < cols / 256; b++) {
            long blk = at + (long) BLOCK_BYTES * b;
            float d = Float.float16ToFloat(s.get(I16, blk)), dmin = Float.float16ToFloat(s.get(I16, blk + 2));
            IntVector raw = IntVector.fromMemorySegment(I4, s, blk, LE);
            IntVector six = raw.rearrange(A_LANES).lanewise(LSHR, SHIFT).and(MASK).or(raw.rearrange(B_LANES).lanewise(LSHR, 2).and(HIGH));
            FloatVector sm, mn; // scales × d in lanes 0–7; −mins × dmin in lanes 8–15 of mn on 16 lanes, 0–7 on 8
            if (WIDE) {
                sm = ((FloatVector) six.reinterpretAsBytes().convertShape(B2F, FW, 0))
                        .mul(FloatVector.broadcast(FW, d).blend(-dmin, MINS));
                mn = sm;
            } else {
                sm = ((FloatVector) six.reinterpretAsBytes().convertShape(B2F, FW, 0)).mul(d);
                mn = ((FloatVector) six.rearrange(MINS_FIRST).reinterpretAsBytes().convertShape(B2F, FW, 0)).mul(-dmin);
            }
            int o = wo + 256 * b;
            long q = blk + 16;
            FloatVector sl = sm.rearrange(S0), sh = sm.rearrange(S1);
            FloatVector ml = mn.rearrange(M0), mh = mn.rearrange(M1);
            for (int i = 0; i < 32; i += L) {
                IntVector v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(sl, ml).intoArray(w, o + i);
                ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(sh, mh).intoArray(w, o + 32 + i);
            }
            o += 64;
            q += 32;
            sl = sm.rearrange(S2);
            sh = sm.rearrange(S3);
            ml = mn.rearrange(M2);
            mh = mn.rearrange(M3);
            for (int i = 0; i < 32; i += L) {
                IntVector v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(sl, ml).intoArray(w, o + i);
                ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(sh, mh).intoArray(w, o + 32 + i);
            }
            o += 64;
            q += 32;
            sl = sm.rearrange(S4);
            sh = sm.rearrange(S5);
            ml = mn.rearrange(M4);
            mh = mn.rearrange(M5);
            for (int i = 0; i < 32; i += L) {
                IntVector v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(sl, ml).intoArray(w, o + i);
                ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(sh, mh).intoArray(w, o + 32 + i);
            }
            o += 64;
            q += 32;
            sl = sm.rearrange(S6);
            sh = sm.rearrange(S7);
            ml = mn.rearrange(M6);
            mh = mn.rearrange(M7);
            for (int i = 0; i < 32; i += L) {
                IntVector v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(ZERO_EXTEND_B2I, IW, 0);
                ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(sl, ml).intoArray(w, o + i);
                ((FloatVector) v.lanewise(LSHR, 4).convert(I2F, 0)).fma(sh, mh).intoArray(w, o + 32 + i);
            }
        }
    }
}
