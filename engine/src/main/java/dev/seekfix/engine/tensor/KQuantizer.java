package dev.seekfix.engine.tensor;

import java.lang.foreign.MemorySegment;

import static dev.seekfix.engine.tensor.BlockLayout.f16;
import static dev.seekfix.engine.tensor.BlockLayout.put8;
import static dev.seekfix.engine.tensor.BlockLayout.putF16;
import static dev.seekfix.engine.tensor.BlockLayout.scaleMinK4;
import static dev.seekfix.engine.tensor.BlockLayout.u8;

/**
 * ggml's reference K-quant quantizers ({@code quantize_row_q4_K_ref}, {@code _q5_K_ref}, {@code _q6_K_ref} with
 * {@code make_qkx2_quants} and {@code make_qx_quants}, ggml-quants.c), one 256-element super-block per call.
 */
final class KQuantizer {

    private static final float GROUP_MAX_EPS = 1e-15f;

    private KQuantizer() {
    }

    /** ggml {@code nearest_int}: round half to even through the 1.5·2^23 trick. */
    static int nearestInt(float f) {
        float v = f + 12582912.f;
        return (Float.floatToRawIntBits(v) & 0x007fffff) - 0x00400000;
    }

    static void q4_K(float[] x, int o, MemorySegment y, long at) {
        qK(x, o, y, at, 15, -1.f, 0.1f, 20);
        // qs: for each 64 values, low nibbles = first 32, high nibbles = next 32
    }

    static void q5_K(float[] x, int o, MemorySegment y, long at) {
        qK(x, o, y, at, 31, -0.5f, 0.1f, 15);
    }

    /** Shared body of Q4_K and Q5_K: 8 sub-blocks of 32 with 6-bit scales and mins. */
    private static void qK(float[] x, int o, MemorySegment y, long at, int nmax, float rmin, float rdelta, int nstep) {
        int[] L = new int[256];
        int[] laux = new int[32];
        float[] mins = new float[8];
        float[] scales = new float[8];
        float[] weights = new float[32];
        float[] theMin = new float[1];
        float maxScale = 0, maxMin = 0;
        for (int j = 0; j < 8; j++) {
            float sumX2 = 0;
            for (int l = 0; l < 32; l++) sumX2 += x[o + 32 * j + l] * x[o + 32 * j + l];
            float avX = (float) Math.sqrt(sumX2 / 32);
            for (int l = 0; l < 32; l++) weights[l] = avX + Math.abs(x[o + 32 * j + l]);
            scales[j] = makeQkx2Quants(32, nmax, x, o + 32 * j, weights, L, 32 * j, theMin, laux, rmin, rdelta, nstep);
            mins[j] = theMin[0];
            if (scales[j] > maxScale) maxScale = scales[j];
            if (mins[j] > maxMin) maxMin = mins[j];
        }
        float invScale = maxScale > 0 ? 63.f / maxScale : 0.f;
        float invMin = maxMin > 0 ? 63.f / maxMin : 0.f;
        long sc = at + 4;
        for (int i = 0; i < 12; i++) put8(y, sc + i, 0);
        for (int j = 0; j < 8; j++) {
            int ls = Math.min(63, nearestInt(invScale * scales[j]) & 0xFF);
            int lm = Math.min(63, nearestInt(invMin * mins[j]) & 0xFF);
            if (j < 4) {
                put8(y, sc + j, ls);
                put8(y, sc + j + 4, lm);
            } else {
                put8(y, sc + j + 4, (ls & 0xF) | ((lm & 0xF) << 4));
                put8(y, sc + j - 4, u8(y, sc + j - 4) | ((ls >> 4) << 6));
                put8(y, sc + j, u8(y, sc + j) | ((lm >> 4) << 6));
            }
        }
        putF16(y, at, maxScale / 63.f);
        putF16(y, at + 2, maxMin / 63.f);
        int[] sm = new int[2];
        for (int j = 0; j < 8; j++) {
            scaleMinK4(y, sc, j, sm);
            float d = f16(y, at) * sm[0];
            if (d == 0) continue;
            float dm = f16(y, at + 2) * sm[1];
            for (int ii = 0; ii < 32; ii++) {
                int l = nearestInt((x[o + 32 * j + ii] + dm) / d);
                L[32 * j + ii] = Math.max(0, Math.min(nmax, l));
            }
        }
        if (nmax == 15) {
            long q = at + 16;
            for (int j = 0; j < 256; j += 64, q += 32) {
                for (int l = 0; l < 32; l++) put8(y, q + l, L[j + l] | (L[j + l + 32] << 4));
            }
        } else {
            long qh = at + 16;
            long ql = at + 48;
            for (int i = 0; i < 32; i++) put8(y, qh + i, 0);
            int m1 = 1, m2 = 2;
            for (int n = 0; n < 256; n += 64, m1 <<= 2, m2 <<= 2, ql += 32) {
                for (int j = 0; j < 32; j++) {
                    int l1 = L[n + j];
                    if (l1 > 15) { l1 -= 16; put8(y, qh + j, u8(y, qh + j) | m1); }
                    int l2 = L[n + j + 32];
                    if (l2 > 15) { l2 -= 16; put8(y, qh + j, u8(y, qh + j) | m2); }
                    put8(y, ql + j, l1 | (l2 << 4));
                }
            }
        }
    }

    private static float makeQkx2Quants(int n, int nmax, float[] x, int xo, float[] weights, int[] L, int lo,
                                        float[] theMin, int[] laux, float rmin, float rdelta, int nstep) {
        float min = x[xo], max = x[xo];
        float sumW = weights[0];
        float sumX = sumW * x[xo];
        for (int i = 1; i < n; i++) {
            if (x[xo + i] < min) min = x[xo + i];
            if (x[xo + i] > max) max = x[xo + i];
            float w = weights[i];
            sumW += w;
            sumX += w * x[xo + i];
        }
        if (min > 0) min = 0;
        if (max == min) {
            for (int i = 0; i < n; i++) L[lo + i] = 0;
            theMin[0] = -min;
            return 0.f;
        }
        float iscale = nmax / (max - min);
        float scale = 1 / iscale;
        float bestError = 0;
        for (int i = 0; i < n; i++) {
            int l = nearestInt(iscale * (x[xo + i] - min));
            L[lo + i] = Math.max(0, Math.min(nmax, l));
            float diff = scale * L[lo + i] + min - x[xo + i];
            bestError += weights[i] * diff * diff;
        }
        for (int is = 0; is <= nstep; is++) {
            iscale = (rmin + rdelta * is + nmax) / (max - min);
            float sumL = 0, sumL2 = 0, sumXl = 0;
            for (int i = 0; i < n; i++) {
                int l = Math.max(0, Math.min(nmax, nearestInt(iscale * (x[xo + i] - min))));
                laux[i] = l;
                float w = weights[i];
                sumL += w * l;
                sumL2 += w * l * l;
                sumXl += w * l * x[xo + i];
            }
            float D = sumW * sumL2 - sumL * sumL;
            if (D > 0) {
                float thisScale = (sumW * sumXl - sumX * sumL) / D;
                float thisMin = (sumL2 * sumX - sumL * sumXl) / D;
                if (thisMin > 0) {
                    thisMin = 0;
                    thisScale = sumXl / sumL2;
                }
                float curError = 0;
                for (int i = 0; i < n; i++) {
                    float diff = thisScale * laux[i] + thisMin - x[xo + i];
                    curError += weights[i] * diff * diff;
                }
                if (curError < bestError) {
                    System.arraycopy(laux, 0, L, lo, n);
                    bestError = curError;
                    scale = thisScale;
                    min = thisMin;
                }
            }
        }
        theMin[0] = -min;
        return scale;
    }

    static void q6_K(float[] x, int o, MemorySegment y, long at) {
        int[] L = new int[256];
        float[] scales = new float[16];
        float maxScale = 0, maxAbsScale = 0;
        for (int ib = 0; ib < 16; ib++) {
            float scale = makeQxQuants(16, 32, x, o + 16 * ib, L, 16 * ib);
            scales[ib] = scale;
            if (Math.abs(scale) > maxAbsScale) {
                maxAbsScale = Math.abs(scale);
                maxScale = scale;
            }
        }
        if (maxAbsScale < GROUP_MAX_EPS) {
            for (int i = 0; i < 210; i++) put8(y, at + i, 0);
            return;
        }
        float iscale = -128.f / maxScale;
        putF16(y, at + 208, 1 / iscale);
        long sc = at + 192;
        for (int ib = 0; ib < 16; ib++) put8(y, sc + ib, Math.min(127, nearestInt(iscale * scales[ib])));
        for (int j = 0; j < 16; j++) {
            float d = f16(y, at + 208) * (byte) u8(y, sc + j);
            if (d == 0) continue;
            for (int ii = 0; ii < 16; ii++) {
                int l = nearestInt(x[o + 16 * j + ii] / d);
                L[16 * j + ii] = Math.max(-32, Math.min(31, l)) + 32;
            }
        }
        long ql = at, qh = at + 128;
        for (int j = 0; j < 256; j += 128, ql += 64, qh += 32) {
            for (int l = 0; l < 32; l++) {
                int q1 = L[j + l] & 0xF, q2 = L[j + l + 32] & 0xF, q3 = L[j + l + 64] & 0xF, q4 = L[j + l + 96] & 0xF;
                put8(y, ql + l, q1 | (q3 << 4));
                put8(y, ql + l + 32, q2 | (q4 << 4));
                put8(y, qh + l, (L[j + l] >> 4) | ((L[j + l + 32] >> 4) << 2) | ((L[j + l + 64] >> 4) << 4)
                        | ((L[j + l + 96] >> 4) << 6));
            }
        }
    }

    /** {@code make_qx_quants} with rmse_type 1 and no importance weights. */
    private static float makeQxQuants(int n, int nmax, float[] x, int xo, int[] L, int lo) {
        float max = 0, amax = 0;
        for (int i = 0; i < n; i++) {
            float ax = Math.abs(x[xo + i]);
            if (ax > amax) { amax = ax; max = x[xo + i]; }
        }
        if (amax < GROUP_MAX_EPS) {
            for (int i = 0; i < n; i++) L[lo + i] = 0;
            return 0.f;
        }
        float iscale = -nmax / max;
        float sumlx = 0, suml2 = 0;
        for (int i = 0; i < n; i++) {
            int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * x[xo + i])));
            L[lo + i] = l + nmax;
            float w = x[xo + i] * x[xo + i];
            sumlx += w * x[xo + i] * l;
            suml2 += w * l * l;
        }
        float scale = suml2 != 0 ? sumlx / suml2 : 0.0f;
        float best = scale * sumlx;
        for (int is = -9; is <= 9; is++) {
            if (is == 0) continue;
            iscale = -(nmax + 0.1f * is) / max;
            sumlx = suml2 = 0;
            for (int i = 0; i < n; i++) {
                int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * x[xo + i])));
                float w = x[xo + i] * x[xo + i];
                sumlx += w * x[xo + i] * l;
                suml2 += w * l * l;
            }
            if (suml2 > 0 && sumlx * sumlx > best * suml2) {
                for (int i = 0; i < n; i++) {
                    int l = nearestInt(iscale * x[xo + i]);
                    L[lo + i] = nmax + Math.max(-nmax, Math.min(nmax - 1, l));
                }
                scale = sumlx / suml2;
                best = scale * sumlx;
            }
        }
        return scale;
    }
}
