package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.F;
import static dev.seekfix.engine.kernels.cpu.Lanes.I;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.I32;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHR;

/**
 * Q4_K rows (super-blocks of 256: fp16 d, fp16 dmin, 12 bytes of 6-bit scales and mins for 8 sub-blocks of 32,
 * 128 bytes of nibbles; element = {@code d·sc·q − dmin·m}). Each 32 nibble bytes hold sub-blocks 2c (low nibbles)
 * and 2c+1 (high); as 8 int lanes, nibble k of every lane is masked in place ({@link LaneOrder}). As in ggml's
 * {@code ggml_vec_dot_q4_K_q8_K}, the mins meet the activations only through their per-sub-block sums.
 */
final class Q4_KRows {

    private static final int BLOCK_BYTES = 144;

    private Q4_KRows() {
    }

    /**
     * The 6-bit scales (into {@code scales[0..7]}, times {@code d}) and mins (into {@code scales[8..15]}, times
     * {@code dmin}) of the super-block at {@code blk}: {@code get_scale_min_k4} for all 8 sub-blocks at once with
     * ggml's kmask1/2/3 word arithmetic.
     */
    private static void scalesAndMins(MemorySegment s, long blk, float d, float dmin, float[] scales) {
        int u0 = s.get(I32, blk + 4), u1 = s.get(I32, blk + 8), u2 = s.get(I32, blk + 12);
        int sc0 = u0 & 0x3f3f3f3f, sc1 = (u2 & 0x0f0f0f0f) | (((u0 >>> 6) & 0x03030303) << 4);
        int m0 = u1 & 0x3f3f3f3f, m1 = ((u2 >>> 4) & 0x0f0f0f0f) | (((u1 >>> 6) & 0x03030303) << 4);
        for (int j = 0; j < 4; j++) {
            scales[j] = ((sc0 >>> 8 * j) & 0xFF) * d;
            scales[4 + j] = ((sc1 >>> 8 * j) & 0xFF) * d;
            scales[8 + j] = ((m0 >>> 8 * j) & 0xFF) * dmin;
            scales[12 + j] = ((m1 >>> 8 * j) & 0xFF) * dmin;
        }
    }

    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale(), sums = a.bias();
        int blocks = cols / 256, xo = token * cols, so = token * blocks;
        float[] sc = new float[16]; // [scales × d·dx | mins × dmin·dx] of the current super-block
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc0 = FloatVector.zero(F), acc1 = acc0;
            float mins = 0;
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                float dx = xd[so + b];
                scalesAndMins(s, blk, Float.float16ToFloat(s.get(I16, blk)) * dx, Float.float16ToFloat(s.get(I16, blk + 2)) * dx, sc);
                int sb = 8 * (so + b);
                for (int j = 0; j < 8; j++) mins += sc[8 + j] * sums[sb + j];
                int xb = xo + 256 * b;
                IntVector v;
                FloatVector lo, hi;
                // nibbles 64·0 … 64·0+63: sub-block 0 low, 1 high
                v = IntVector.fromMemorySegment(I, s, blk + 16, LE);
                lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb));
                hi = ((FloatVector) v.and(0xF0).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 8));
                lo = ((FloatVector) v.and(0xF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 16), lo);
                hi = ((FloatVector) v.and(0xF000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 24), hi);
                lo = ((FloatVector) v.and(0xF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 32), lo);
                hi = ((FloatVector) v.and(0xF00000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 40), hi);
                lo = ((FloatVector) v.and(0xF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 48), lo);
                hi = ((FloatVector) v.lanewise(LSHR, 28).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 56), hi);
                acc0 = lo.fma(FloatVector.broadcast(F, sc[0]), acc0);
                acc0 = hi.fma(FloatVector.broadcast(F, sc[1]), acc0);
                // nibbles 64·1 … 64·1+63: sub-block 2 low, 3 high
                v = IntVector.fromMemorySegment(I, s, blk + 48, LE);
                lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 64));
                hi = ((FloatVector) v.and(0xF0).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 72));
                lo = ((FloatVector) v.and(0xF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 80), lo);
                hi = ((FloatVector) v.and(0xF000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 88), hi);
                lo = ((FloatVector) v.and(0xF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 96), lo);
                hi = ((FloatVector) v.and(0xF00000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 104), hi);
                lo = ((FloatVector) v.and(0xF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 112), lo);
                hi = ((FloatVector) v.lanewise(LSHR, 28).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 120), hi);
                acc1 = lo.fma(FloatVector.broadcast(F, sc[2]), acc1);
                acc1 = hi.fma(FloatVector.broadcast(F, sc[3]), acc1);
                // nibbles 64·2 … 64·2+63: sub-block 4 low, 5 high
                v = IntVector.fromMemorySegment(I, s, blk + 80, LE);
                lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 128));
                hi = ((FloatVector) v.and(0xF0).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 136));
                lo = ((FloatVector) v.and(0xF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 144), lo);
                hi = ((FloatVector) v.and(0xF000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 152), hi);
                lo = ((FloatVector) v.and(0xF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 160), lo);
                hi = ((FloatVector) v.and(0xF00000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 168), hi);
                lo = ((FloatVector) v.and(0xF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 176), lo);
                hi = ((FloatVector) v.lanewise(LSHR, 28).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 184), hi);
                acc0 = lo.fma(FloatVector.broadcast(F, sc[4]), acc0);
                acc0 = hi.fma(FloatVector.broadcast(F, sc[5]), acc0);
                // nibbles 64·3 … 64·3+63: sub-block 6 low, 7 high
                v = IntVector.fromMemorySegment(I, s, blk + 112, LE);
                lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 192));
                hi = ((FloatVector) v.and(0xF0).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xb + 200));
                lo = ((FloatVector) v.and(0xF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 208), lo);
                hi = ((FloatVector) v.and(0xF000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 216), hi);
                lo = ((FloatVector) v.and(0xF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 224), lo);
                hi = ((FloatVector) v.and(0xF00000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 232), hi);
                lo = ((FloatVector) v.and(0xF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 240), lo);
                hi = ((FloatVector) v.lanewise(LSHR, 28).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xb + 248), hi);
                acc1 = lo.fma(FloatVector.broadcast(F, sc[6]), acc1);
                acc1 = hi.fma(FloatVector.broadcast(F, sc[7]), acc1);
            }
            out[outOffset + r] = acc0.add(acc1).reduceLanes(VectorOperators.ADD) - mins;
        }
    }

    static void decode(MemorySegment s, long at, int cols, float[] w, int wo) {
        float[] sc = new float[16];
        for (int b = 0; b < cols / 256; b++) {
            long blk = at + (long) BLOCK_BYTES * b;
            scalesAndMins(s, blk, Float.float16ToFloat(s.get(I16, blk)), Float.float16ToFloat(s.get(I16, blk + 2)), sc);
            for (int c = 0; c < 4; c++) {
                IntVector v = IntVector.fromMemorySegment(I, s, blk + 16 + 32L * c, LE);
                int o = wo + 256 * b + 64 * c;
                float sl = sc[2 * c], sh = sc[2 * c + 1];
                FloatVector ml = FloatVector.broadcast(F, -sc[8 + 2 * c]), mh = FloatVector.broadcast(F, -sc[9 + 2 * c]);
                ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(FloatVector.broadcast(F, sl), ml).intoArray(w, o);
                ((FloatVector) v.and(0xF0).convert(I2F, 0)).fma(FloatVector.broadcast(F, sh * 0x1p-4f), mh).intoArray(w, o + 8);
                ((FloatVector) v.and(0xF00).convert(I2F, 0)).fma(FloatVector.broadcast(F, sl * 0x1p-8f), ml).intoArray(w, o + 16);
                ((FloatVector) v.and(0xF000).convert(I2F, 0)).fma(FloatVector.broadcast(F, sh * 0x1p-12f), mh).intoArray(w, o + 24);
                ((FloatVector) v.and(0xF0000).convert(I2F, 0)).fma(FloatVector.broadcast(F, sl * 0x1p-16f), ml).intoArray(w, o + 32);
                ((FloatVector) v.and(0xF00000).convert(I2F, 0)).fma(FloatVector.broadcast(F, sh * 0x1p-20f), mh).intoArray(w, o + 40);
                ((FloatVector) v.and(0xF000000).convert(I2F, 0)).fma(FloatVector.broadcast(F, sl * 0x1p-24f), ml).intoArray(w, o + 48);
                ((FloatVector) v.lanewise(LSHR, 28).convert(I2F, 0)).fma(FloatVector.broadcast(F, sh), mh).intoArray(w, o + 56);
            }
        }
    }
}
