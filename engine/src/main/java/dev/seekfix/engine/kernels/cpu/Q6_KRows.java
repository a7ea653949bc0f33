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
    @SuppressWarnings("unchecked")
    private static final VectorShuffle<Float>[] PAIR = new VectorShuffle[4];

    static {
        for (int x = 0; x < 4; x++) {
            int a = 2 * x, b = 2 * x + 1;
            PAIR[x] = VectorShuffle.fromValues(F, a, a, a, a, b, b, b, b);
        }
    }

    private Q6_KRows() {
    }

    static void dot(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token,
                    float[] out, int outOffset) {
        float[] x = a.dot(), xd = a.scale(), sums = a.bias();
        int blocks = cols / 256, xo = token * cols, so = token * blocks;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            for (int b = 0; b < blocks; b++) {
                long blk = at + (long) BLOCK_BYTES * b;
                ByteVector sc = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, s, blk + 192, LE);
                FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(s.get(I16, blk + 208)) * xd[so + b]);
                FloatVector sc0 = ((FloatVector) sc.convertShape(VectorOperators.B2F, F, 0)).mul(d);
                FloatVector sc1 = ((FloatVector) sc.convertShape(VectorOperators.B2F, F, 1)).mul(d);
                acc = sc0.fma(FloatVector.fromArray(F, sums, 16 * (so + b)), acc);
                acc = sc1.fma(FloatVector.fromArray(F, sums, 16 * (so + b) + 8), acc);
                for (int h = 0; h < 2; h++) {
                    long half = blk + 64L * h;
                    IntVector l0 = IntVector.fromMemorySegment(I, s, half, LE);
                    IntVector l1 = IntVector.fromMemorySegment(I, s, half + 32, LE);
                    IntVector qh = IntVector.fromMemorySegment(I, s, blk + 128 + 32L * h, LE);
                    FloatVector sch = h == 0 ? sc0 : sc1;
                    for (int quarter = 0; quarter < 4; quarter++) {
                        // ql nibble (low for quarters 0-1, high for 2-3) | qh bits 2·quarter, 2·quarter+1 moved to bits 4-5
                        IntVector l = (quarter & 1) == 0 ? l0 : l1;
                        IntVector q = l.lanewise(LSHR, 4 * (quarter >> 1)).and(0x0F0F0F0F)
                                .or((quarter < 3 ? qh.lanewise(LSHL, 4 - 2 * quarter) : qh.lanewise(LSHR, 2)).and(0x30303030));
                        int xq = xo + 256 * b + 128 * h + 32 * quarter;
                        FloatVector t = ((FloatVector) q.and(0xFF).convert(I2F, 0)).mul(FloatVector.fromArray(F, x, xq));
                        t = ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xq + 8), t);
                        t = ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xq + 16), t);
                        t = ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(FloatVector.fromArray(F, x, xq + 24), t);
                        acc = t.fma(sch.rearrange(PAIR[quarter]), acc);
                    }
                }
            }
            out[outOffset + r] = acc.reduceLanes(VectorOperators.ADD);
        }
    }

    static void decode(MemorySegment s, long at, int cols, float[] w, int wo) {
        for (int b = 0; b < cols / 256; b++) {
            long blk = at + (long) BLOCK_BYTES * b;
            ByteVector sc = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, s, blk + 192, LE);
            FloatVector d = FloatVector.broadcast(F, Float.float16ToFloat(s.get(I16, blk + 208)));
            for (int h = 0; h < 2; h++) {
                long half = blk + 64L * h;
                IntVector l0 = IntVector.fromMemorySegment(I, s, half, LE);
                IntVector l1 = IntVector.fromMemorySegment(I, s, half + 32, LE);
                IntVector qh = IntVector.fromMemorySegment(I, s, blk + 128 + 32L * h, LE);
                FloatVector sch = ((FloatVector) sc.convertShape(VectorOperators.B2F, F, h)).mul(d);
                for (int quarter = 0; quarter < 4; quarter++) {
                    IntVector l = (quarter & 1) == 0 ? l0 : l1;
                    IntVector q = l.lanewise(LSHR, 4 * (quarter >> 1)).and(0x0F0F0F0F)
                            .or((quarter < 3 ? qh.lanewise(LSHL, 4 - 2 * quarter) : qh.lanewise(LSHR, 2)).and(0x30303030));
                    FloatVector scale = sch.rearrange(PAIR[quarter]);
                    FloatVector offset = scale.mul(-32f);
                    int o = wo + 256 * b + 128 * h + 32 * quarter;
                    ((FloatVector) q.and(0xFF).convert(I2F, 0)).fma(scale, offset).intoArray(w, o);
                    ((FloatVector) q.and(0xFF00).convert(I2F, 0)).fma(scale.mul(0x1p-8f), offset).intoArray(w, o + 8);
                    ((FloatVector) q.and(0xFF0000).convert(I2F, 0)).fma(scale.mul(0x1p-16f), offset).intoArray(w, o + 16);
                    ((FloatVector) q.and(0xFF000000).convert(I2F, 0)).fma(scale.mul(0x1p-24f), offset).intoArray(w, o + 24);
                }
            }
        }
    }
}
