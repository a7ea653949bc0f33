package dev.seekfix.engine.tensor;

import dev.seekfix.engine.api.ModelFormatException;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.tensor.BlockLayout.F32;
import static dev.seekfix.engine.tensor.BlockLayout.I16;
import static dev.seekfix.engine.tensor.BlockLayout.I32;
import static dev.seekfix.engine.tensor.BlockLayout.f16;
import static dev.seekfix.engine.tensor.BlockLayout.i8;
import static dev.seekfix.engine.tensor.BlockLayout.scaleMinK4;
import static dev.seekfix.engine.tensor.BlockLayout.u8;

/**
 * Turns ggml blocks back into floats, one straightforward loop per type, following ggml-quants.c
 * {@code dequantize_row_*} bit for bit. This is the reference the kernels are checked against.
 */
public final class Dequantizer {

    private Dequantizer() {
    }

    /**
     * Dequantizes {@code n} elements (a multiple of the type's block size) starting at byte {@code offset}
     * (a block boundary) of {@code src} into {@code dst[dstOffset …]}.
     */
    public static void dequantize(GgmlType type, MemorySegment src, long offset, float[] dst, int dstOffset, int n) {
        if (n % type.blockSize() != 0) {
            throw new IllegalArgumentException(type + " needs a multiple of " + type.blockSize() + " elements, got " + n);
        }
        int blocks = n / type.blockSize();
        for (int b = 0; b < blocks; b++) {
            long at = offset + (long) b * type.blockBytes();
            int out = dstOffset + b * type.blockSize();
            switch (type) {
                case F32 -> dst[out] = src.get(F32, at);
                case F16 -> dst[out] = f16(src, at);
                case BF16 -> dst[out] = HalfFloats.bf16ToFloat(src.get(I16, at));
                case Q4_0 -> q4_0(src, at, dst, out);
                case Q4_1 -> q4_1(src, at, dst, out);
                case Q5_0 -> q5_0(src, at, dst, out);
                case Q5_1 -> q5_1(src, at, dst, out);
                case Q8_0 -> q8_0(src, at, dst, out);
                case Q4_K -> q4_K(src, at, dst, out);
                case Q5_K -> q5_K(src, at, dst, out);
                case Q6_K -> q6_K(src, at, dst, out);
                default -> throw unsupported(type);
            }
        }
    }

    /** Dequantizes a whole tensor (tests and tools only: the engine never does this for weights). */
    public static float[] dequantize(GgmlType type, MemorySegment src, int n) {
        float[] out = new float[n];
        dequantize(type, src, 0, out, 0, n);
        return out;
    }

    static ModelFormatException unsupported(GgmlType type) {
        return new ModelFormatException("tensor type " + type.ggmlName() + " is not supported by seekfix (supported: "
                + "F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q4_K, Q5_K, Q6_K); use a Q4_K_M, Q8_0 or F16 file, "
                + "or re-quantize with seekfix engine quantize");
    }

    private static void q4_0(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at);
        for (int j = 0; j < 16; j++) {
            int q = u8(s, at + 2 + j);
            y[o + j] = ((q & 0x0F) - 8) * d;
            y[o + j + 16] = ((q >> 4) - 8) * d;
        }
    }

    private static void q4_1(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at);
        float m = f16(s, at + 2);
        for (int j = 0; j < 16; j++) {
            int q = u8(s, at + 4 + j);
            y[o + j] = (q & 0x0F) * d + m;
            y[o + j + 16] = (q >> 4) * d + m;
        }
    }

    private static void q5_0(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at);
        int qh = s.get(I32, at + 2);
        for (int j = 0; j < 16; j++) {
            int q = u8(s, at + 6 + j);
            int h0 = ((qh >>> j) << 4) & 0x10;
            int h1 = (qh >>> (j + 12)) & 0x10;
            y[o + j] = (((q & 0x0F) | h0) - 16) * d;
            y[o + j + 16] = (((q >> 4) | h1) - 16) * d;
        }
    }

    private static void q5_1(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at);
        float m = f16(s, at + 2);
        int qh = s.get(I32, at + 4);
        for (int j = 0; j < 16; j++) {
            int q = u8(s, at + 8 + j);
            int h0 = ((qh >>> j) << 4) & 0x10;
            int h1 = (qh >>> (j + 12)) & 0x10;
            y[o + j] = ((q & 0x0F) | h0) * d + m;
            y[o + j + 16] = ((q >> 4) | h1) * d + m;
        }
    }

    private static void q8_0(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at);
        for (int j = 0; j < 32; j++) y[o + j] = i8(s, at + 2 + j) * d;
    }

    // block_q4_K: f16 d, f16 dmin, u8 scales[12], u8 qs[128]
    private static void q4_K(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at);
        float min = f16(s, at + 2);
        int[] sm = new int[2];
        long q = at + 16;
        for (int j = 0, is = 0; j < 256; j += 64, is += 2, q += 32) {
            scaleMinK4(s, at + 4, is, sm);
            float d1 = d * sm[0], m1 = min * sm[1];
            scaleMinK4(s, at + 4, is + 1, sm);
            float d2 = d * sm[0], m2 = min * sm[1];
            for (int l = 0; l < 32; l++) y[o + j + l] = d1 * (u8(s, q + l) & 0xF) - m1;
            for (int l = 0; l < 32; l++) y[o + j + 32 + l] = d2 * (u8(s, q + l) >> 4) - m2;
        }
    }

    // block_q5_K: f16 d, f16 dmin, u8 scales[12], u8 qh[32], u8 qs[128]
    private static void q5_K(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at);
        float min = f16(s, at + 2);
        int[] sm = new int[2];
        long qh = at + 16;
        long ql = at + 48;
        int u1 = 1, u2 = 2;
        for (int j = 0, is = 0; j < 256; j += 64, is += 2, ql += 32, u1 <<= 2, u2 <<= 2) {
            scaleMinK4(s, at + 4, is, sm);
            float d1 = d * sm[0], m1 = min * sm[1];
            scaleMinK4(s, at + 4, is + 1, sm);
            float d2 = d * sm[0], m2 = min * sm[1];
            for (int l = 0; l < 32; l++) {
                int h = u8(s, qh + l);
                y[o + j + l] = d1 * ((u8(s, ql + l) & 0xF) + ((h & u1) != 0 ? 16 : 0)) - m1;
            }
            for (int l = 0; l < 32; l++) {
                int h = u8(s, qh + l);
                y[o + j + 32 + l] = d2 * ((u8(s, ql + l) >> 4) + ((h & u2) != 0 ? 16 : 0)) - m2;
            }
        }
    }

    // block_q6_K: u8 ql[128], u8 qh[64], i8 scales[16], f16 d
    private static void q6_K(MemorySegment s, long at, float[] y, int o) {
        float d = f16(s, at + 208);
        long ql = at, qh = at + 128, sc = at + 192;
        for (int n = 0; n < 256; n += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int h = u8(s, qh + l);
                int q1 = ((u8(s, ql + l) & 0xF) | ((h & 3) << 4)) - 32;
                int q2 = ((u8(s, ql + l + 32) & 0xF) | (((h >> 2) & 3) << 4)) - 32;
                int q3 = ((u8(s, ql + l) >> 4) | (((h >> 4) & 3) << 4)) - 32;
                int q4 = ((u8(s, ql + l + 32) >> 4) | (((h >> 6) & 3) << 4)) - 32;
                y[o + n + l] = d * i8(s, sc + is) * q1;
                y[o + n + l + 32] = d * i8(s, sc + is + 2) * q2;
                y[o + n + l + 64] = d * i8(s, sc + is + 4) * q3;
                y[o + n + l + 96] = d * i8(s, sc + is + 6) * q4;
            }
        }
    }
}
