package dev.seekfix.engine.kernels.scalar;

import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.tensor.HalfFloats;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Dot product of one weight row with one token's rounded activations, element by element, with the integer
 * sums and scale order of ggml's generic {@code ggml_vec_dot_*} (ggml-cpu/quants.c): per block, the integer
 * dot of the quants times the two scales.
 */
public final class ScalarDot {

    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private ScalarDot() {
    }

    public static float dot(WeightMatrix w, int row, QuantizedActivations a, int token) {
        MemorySegment s = w.data();
        long at = row * w.rowBytes();
        int n = w.cols();
        int x0 = token * n;
        return switch (w.type()) {
            case F32 -> {
                float sum = 0;
                for (int i = 0; i < n; i++) sum += s.get(F32, at + 4L * i) * a.values()[x0 + i];
                yield sum;
            }
            case F16 -> {
                float sum = 0;
                for (int i = 0; i < n; i++) sum += HalfFloats.f16ToFloat(s.get(I16, at + 2L * i)) * a.values()[x0 + i];
                yield sum;
            }
            case BF16 -> {
                float sum = 0;
                for (int i = 0; i < n; i++) sum += HalfFloats.bf16ToFloat(s.get(I16, at + 2L * i)) * a.values()[x0 + i];
                yield sum;
            }
            case Q8_0 -> q8_0(s, at, n, a, token);
            case Q4_0 -> q4_0(s, at, n, a, token);
            case Q5_0 -> q5_0(s, at, n, a, token);
            case Q4_1 -> q4_1(s, at, n, a, token);
            case Q5_1 -> q5_1(s, at, n, a, token);
            case Q4_K -> q4_K(s, at, n, a, token);
            case Q5_K -> q5_K(s, at, n, a, token);
            case Q6_K -> q6_K(s, at, n, a, token);
            default -> throw new IllegalArgumentException("no scalar kernel for " + w.type() + " (" + w.name() + ")");
        };
    }

    private static int u8(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_BYTE, at) & 0xFF;
    }

    private static float f16(MemorySegment s, long at) {
        return HalfFloats.f16ToFloat(s.get(I16, at));
    }

    private static float q8_0(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 32;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 34L * b;
            int xq = token * n + b * 32;
            int isum = 0;
            for (int j = 0; j < 32; j++) isum += s.get(ValueLayout.JAVA_BYTE, blk + 2 + j) * a.quants()[xq + j];
            sum += isum * (f16(s, blk) * a.scales()[token * blocks + b]);
        }
        return sum;
    }

    private static float q4_0(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 32;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 18L * b;
            int xq = token * n + b * 32;
            int isum = 0;
            for (int j = 0; j < 16; j++) {
                int q = u8(s, blk + 2 + j);
                isum += ((q & 0xF) - 8) * a.quants()[xq + j] + ((q >> 4) - 8) * a.quants()[xq + 16 + j];
            }
            sum += isum * (f16(s, blk) * a.scales()[token * blocks + b]);
        }
        return sum;
    }

    private static float q5_0(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 32;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 22L * b;
            int qh = s.get(I32, blk + 2);
            int xq = token * n + b * 32;
            int isum = 0;
            for (int j = 0; j < 16; j++) {
                int q = u8(s, blk + 6 + j);
                int lo = ((q & 0xF) | (((qh >>> j) << 4) & 0x10)) - 16;
                int hi = ((q >> 4) | ((qh >>> (j + 12)) & 0x10)) - 16;
                isum += lo * a.quants()[xq + j] + hi * a.quants()[xq + 16 + j];
            }
            sum += isum * (f16(s, blk) * a.scales()[token * blocks + b]);
        }
        return sum;
    }

    private static float q4_1(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 32;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 20L * b;
            int xq = token * n + b * 32;
            int isum = 0;
            for (int j = 0; j < 16; j++) {
                int q = u8(s, blk + 4 + j);
                isum += (q & 0xF) * a.quants()[xq + j] + (q >> 4) * a.quants()[xq + 16 + j];
            }
            int bi = token * blocks + b;
            sum += (f16(s, blk) * a.scales()[bi]) * isum + f16(s, blk + 2) * a.sums()[bi];
        }
        return sum;
    }

    private static float q5_1(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 32;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 24L * b;
            int qh = s.get(I32, blk + 4);
            int xq = token * n + b * 32;
            int isum = 0;
            for (int j = 0; j < 16; j++) {
                int q = u8(s, blk + 8 + j);
                int lo = (q & 0xF) | (((qh >>> j) << 4) & 0x10);
                int hi = (q >> 4) | ((qh >>> (j + 12)) & 0x10);
                isum += lo * a.quants()[xq + j] + hi * a.quants()[xq + 16 + j];
            }
            int bi = token * blocks + b;
            sum += (f16(s, blk) * a.scales()[bi]) * isum + f16(s, blk + 2) * a.sums()[bi];
        }
        return sum;
    }

    /** 6-bit scale and min of sub-block j (ggml get_scale_min_k4). */
    private static int scale(MemorySegment s, long sc, int j) {
        return j < 4 ? u8(s, sc + j) & 63 : (u8(s, sc + j + 4) & 0xF) | ((u8(s, sc + j - 4) >> 6) << 4);
    }

    private static int min(MemorySegment s, long sc, int j) {
        return j < 4 ? u8(s, sc + j + 4) & 63 : (u8(s, sc + j + 4) >> 4) | ((u8(s, sc + j) >> 6) << 4);
    }

    private static float q4_K(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 256;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 144L * b;
            int xq = token * n + b * 256;
            int bi = token * blocks + b;
            int sumScaled = 0, sumMins = 0;
            for (int sub = 0; sub < 8; sub++) {
                long q = blk + 16 + 32L * (sub / 2);
                int shift = (sub % 2) * 4;
                int isum = 0;
                for (int l = 0; l < 32; l++) isum += ((u8(s, q + l) >> shift) & 0xF) * a.quants()[xq + 32 * sub + l];
                sumScaled += scale(s, blk + 4, sub) * isum;
                sumMins += min(s, blk + 4, sub) * (int) (a.sums()[bi * 16 + 2 * sub] + a.sums()[bi * 16 + 2 * sub + 1]);
            }
            float dy = a.scales()[bi];
            sum += f16(s, blk) * dy * sumScaled - f16(s, blk + 2) * dy * sumMins;
        }
        return sum;
    }

    private static float q5_K(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 256;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 176L * b;
            int xq = token * n + b * 256;
            int bi = token * blocks + b;
            int sumScaled = 0, sumMins = 0;
            for (int sub = 0; sub < 8; sub++) {
                long q = blk + 48 + 32L * (sub / 2);
                int shift = (sub % 2) * 4;
                int isum = 0;
                for (int l = 0; l < 32; l++) {
                    int high = (u8(s, blk + 16 + l) >> sub) & 1;
                    isum += (((u8(s, q + l) >> shift) & 0xF) | (high << 4)) * a.quants()[xq + 32 * sub + l];
                }
                sumScaled += scale(s, blk + 4, sub) * isum;
                sumMins += min(s, blk + 4, sub) * (int) (a.sums()[bi * 16 + 2 * sub] + a.sums()[bi * 16 + 2 * sub + 1]);
            }
            float dy = a.scales()[bi];
            sum += f16(s, blk) * dy * sumScaled - f16(s, blk + 2) * dy * sumMins;
        }
        return sum;
    }

    private static float q6_K(MemorySegment s, long at, int n, QuantizedActivations a, int token) {
        float sum = 0;
        int blocks = n / 256;
        for (int b = 0; b < blocks; b++) {
            long blk = at + 210L * b;
            int xq = token * n + b * 256;
            int isum = 0;
            for (int i = 0; i < 256; i++) {
                int half = i / 128, r = i % 128, quarter = r / 32, l = r % 32;
                long ql = blk + 64L * half + l + (quarter % 2) * 32;
                int low = (u8(s, ql) >> ((quarter / 2) * 4)) & 0xF;
                int high = (u8(s, blk + 128 + 32L * half + l) >> (2 * quarter)) & 3;
                int q = (low | (high << 4)) - 32;
                int scale = s.get(ValueLayout.JAVA_BYTE, blk + 192 + i / 16);
                isum += scale * q * a.quants()[xq + i];
            }
            sum += f16(s, blk + 208) * a.scales()[token * blocks + b] * isum;
        }
        return sum;
    }
}
