package dev.seekfix.engine.tensor;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.tensor.BlockLayout.F32;
import static dev.seekfix.engine.tensor.BlockLayout.I16;
import static dev.seekfix.engine.tensor.BlockLayout.I32;
import static dev.seekfix.engine.tensor.BlockLayout.put8;
import static dev.seekfix.engine.tensor.BlockLayout.putF16;

/**
 * ggml's reference quantizers ({@code quantize_row_*_ref} in ggml-quants.c, the deterministic ones used without
 * an importance matrix), for writing model files. K-quants live in {@link KQuantizer}.
 */
public final class Quantizer {

    private Quantizer() {
    }

    /** Quantizes {@code src[srcOffset … +n]} into blocks written at byte {@code offset} of {@code dst}. */
    public static void quantize(GgmlType type, float[] src, int srcOffset, int n, MemorySegment dst, long offset) {
        if (n % type.blockSize() != 0) {
            throw new IllegalArgumentException(type + " needs a multiple of " + type.blockSize() + " elements, got " + n);
        }
        int blocks = n / type.blockSize();
        for (int b = 0; b < blocks; b++) {
            int x = srcOffset + b * type.blockSize();
            long at = offset + (long) b * type.blockBytes();
            switch (type) {
                case F32 -> dst.set(F32, at, src[x]);
                case F16 -> dst.set(I16, at, HalfFloats.floatToF16(src[x]));
                case BF16 -> dst.set(I16, at, HalfFloats.floatToBf16(src[x]));
                case Q4_0 -> q4_0(src, x, dst, at);
                case Q4_1 -> q4_1(src, x, dst, at);
                case Q5_0 -> q5_0(src, x, dst, at);
                case Q5_1 -> q5_1(src, x, dst, at);
                case Q8_0 -> q8_0(src, x, dst, at);
                case Q4_K -> KQuantizer.q4_K(src, x, dst, at);
                case Q5_K -> KQuantizer.q5_K(src, x, dst, at);
                case Q6_K -> KQuantizer.q6_K(src, x, dst, at);
                default -> throw Dequantizer.unsupported(type);
            }
        }
    }

    /** Quantizes a whole array into a new heap buffer. */
    public static byte[] quantize(GgmlType type, float[] src) {
        byte[] out = new byte[Math.toIntExact(type.rowBytes(src.length))];
        quantize(type, src, 0, src.length, MemorySegment.ofArray(out), 0);
        return out;
    }

    private static void q8_0(float[] x, int o, MemorySegment y, long at) {
        float amax = 0;
        for (int j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[o + j]));
        float d = amax / 127;
        float id = d != 0 ? 1.0f / d : 0.0f;
        putF16(y, at, d);
        for (int j = 0; j < 32; j++) put8(y, at + 2 + j, roundHalfAwayFromZero(x[o + j] * id));
    }

    /** C {@code roundf}: ties away from zero (Math.round rounds ties up). */
    static int roundHalfAwayFromZero(float v) {
        return v < 0 ? -Math.round(-v) : Math.round(v);
    }

    private static void q4_0(float[] x, int o, MemorySegment y, long at) {
        float amax = 0, max = 0;
        for (int j = 0; j < 32; j++) {
            float v = x[o + j];
            if (amax < Math.abs(v)) { amax = Math.abs(v); max = v; }
        }
        float d = max / -8;
        float id = d != 0 ? 1.0f / d : 0.0f;
        putF16(y, at, d);
        for (int j = 0; j < 16; j++) {
            int q0 = Math.min(15, (byte) (int) (x[o + j] * id + 8.5f));
            int q1 = Math.min(15, (byte) (int) (x[o + 16 + j] * id + 8.5f));
            put8(y, at + 2 + j, q0 | (q1 << 4));
        }
    }

    private static void q4_1(float[] x, int o, MemorySegment y, long at) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (int j = 0; j < 32; j++) { min = Math.min(min, x[o + j]); max = Math.max(max, x[o + j]); }
        float d = (max - min) / 15;
        float id = d != 0 ? 1.0f / d : 0.0f;
        putF16(y, at, d);
        putF16(y, at + 2, min);
        for (int j = 0; j < 16; j++) {
            int q0 = Math.min(15, (byte) (int) ((x[o + j] - min) * id + 0.5f));
            int q1 = Math.min(15, (byte) (int) ((x[o + 16 + j] - min) * id + 0.5f));
            put8(y, at + 4 + j, q0 | (q1 << 4));
        }
    }

    private static void q5_0(float[] x, int o, MemorySegment y, long at) {
        float amax = 0, max = 0;
        for (int j = 0; j < 32; j++) {
            float v = x[o + j];
            if (amax < Math.abs(v)) { amax = Math.abs(v); max = v; }
        }
        float d = max / -16;
        float id = d != 0 ? 1.0f / d : 0.0f;
        putF16(y, at, d);
        int qh = 0;
        for (int j = 0; j < 16; j++) {
            int q0 = Math.min(31, (byte) (int) (x[o + j] * id + 16.5f));
            int q1 = Math.min(31, (byte) (int) (x[o + 16 + j] * id + 16.5f));
            put8(y, at + 6 + j, (q0 & 0x0F) | ((q1 & 0x0F) << 4));
            qh |= ((q0 & 0x10) >> 4) << j;
            qh |= ((q1 & 0x10) >> 4) << (j + 16);
        }
        y.set(I32, at + 2, qh);
    }

    private static void q5_1(float[] x, int o, MemorySegment y, long at) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (int j = 0; j < 32; j++) { min = Math.min(min, x[o + j]); max = Math.max(max, x[o + j]); }
        float d = (max - min) / 31;
        float id = d != 0 ? 1.0f / d : 0.0f;
        putF16(y, at, d);
        putF16(y, at + 2, min);
        int qh = 0;
        for (int j = 0; j < 16; j++) {
            int q0 = (int) ((x[o + j] - min) * id + 0.5f) & 0xFF;
            int q1 = (int) ((x[o + 16 + j] - min) * id + 0.5f) & 0xFF;
            put8(y, at + 8 + j, (q0 & 0x0F) | ((q1 & 0x0F) << 4));
            qh |= ((q0 & 0x10) >> 4) << j;
            qh |= ((q1 & 0x10) >> 4) << (j + 16);
        }
        y.set(I32, at + 4, qh);
    }
}
