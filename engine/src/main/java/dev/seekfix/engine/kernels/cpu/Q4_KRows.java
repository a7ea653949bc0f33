package dev.seekfix.engine.kernels.cpu;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.kernels.cpu.Lanes.BW;
import static dev.seekfix.engine.kernels.cpu.Lanes.FW;
import static dev.seekfix.engine.kernels.cpu.Lanes.IW;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.I32;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.B2I;

/**
 * Q4_K rows (super-blocks of 256: fp16 d, fp16 dmin, 12 bytes of 6-bit scales and mins for 8 sub-blocks of 32,
 * 128 bytes of nibbles; element = {@code d·sc·q − dmin·m}), in natural order. Each 32 nibble bytes hold sub-blocks
 * 2c (low nibbles) and 2c+1 (high); every load of {@code FW.length()} bytes widens to ints once and yields both
 * nibbles of each byte by a mask and a shift. As in ggml's
 * {@code ggml_vec_dot_q4_K_q8_K}, the mins meet the activations only through their per-sub-block sums.
 */
final class Q4_KRows {

    private static final int BLOCK_BYTES = 144;
    private static final int L = FW.length();

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
            FloatVector acc0 = FloatVector.zero(FW), acc1 = acc0;
            float mins = 0;
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                float dx = xd[so + b];
                scalesAndMins(s, blk, Float.float16ToFloat(s.get(I16, blk)) * dx, Float.float16ToFloat(s.get(I16, blk + 2)) * dx, sc);
                int sb = 8 * (so + b);
                for (int j = 0; j < 8; j++) mins += sc[8 + j] * sums[sb + j];
                for (int c = 0; c < 4; c++) { // 32 bytes: sub-block 2c in the low nibbles, 2c+1 in the high
                    long q = blk + 16 + 32L * c;
                    int xb = xo + 256 * b + 64 * c;
                    IntVector v = (IntVector) ByteVector.fromMemorySegment(BW, s, q, LE).convertShape(B2I, IW, 0);
                    FloatVector lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).mul(FloatVector.fromArray(FW, x, xb));
                    FloatVector hi = ((FloatVector) v.lanewise(ASHR, 4).and(0xF).convert(I2F, 0))
                            .mul(FloatVector.fromArray(FW, x, xb + 32));
                    for (int i = L; i < 32; i += L) {
                        v = (IntVector) ByteVector.fromMemorySegment(BW, s, q + i, LE).convertShape(B2I, IW, 0);
                        lo = ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(FloatVector.fromArray(FW, x, xb + i), lo);
                        hi = ((FloatVector) v.lanewise(ASHR, 4).and(0xF).convert(I2F, 0))
                                .fma(FloatVector.fromArray(FW, x, xb + 32 + i), hi);
                    }
                    acc0 = lo.fma(FloatVector.broadcast(FW, sc[2 * c]), acc0);
                    acc1 = hi.fma(FloatVector.broadcast(FW, sc[2 * c + 1]), acc1);
                }
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
                FloatVector sl = FloatVector.broadcast(FW, sc[2 * c]), sh = FloatVector.broadcast(FW, sc[2 * c + 1]);
                FloatVector ml = FloatVector.broadcast(FW, -sc[8 + 2 * c]), mh = FloatVector.broadcast(FW, -sc[9 + 2 * c]);
                int o = wo + 256 * b + 64 * c;
                for (int i = 0; i < 32; i += L) {
                    IntVector v = (IntVector) ByteVector.fromMemorySegment(BW, s, blk + 16 + 32L * c + i, LE)
                            .convertShape(B2I, IW, 0);
                    ((FloatVector) v.and(0xF).convert(I2F, 0)).fma(sl, ml).intoArray(w, o + i);
                    ((FloatVector) v.lanewise(ASHR, 4).and(0xF).convert(I2F, 0)).fma(sh, mh).intoArray(w, o + 32 + i);
                }
            }
        }
    }
}
