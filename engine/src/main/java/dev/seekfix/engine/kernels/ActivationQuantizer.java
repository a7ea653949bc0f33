package dev.seekfix.engine.kernels;

import dev.seekfix.engine.tensor.HalfFloats;

/**
 * Rounds activations the way ggml-cpu does on x86 before a matrix product: {@code quantize_row_q8_0} /
 * {@code quantize_row_q8_1} (AVX path: scale amax/127 stored as fp16, multiplier 127/amax, round to nearest
 * even), {@code quantize_row_q8_K_ref} (multiplier −127/max, {@code nearest_int}), fp16/bf16 conversion.
 * O(tokens·cols): shared by every backend, cheap next to the product itself.
 */
public final class ActivationQuantizer {

    private ActivationQuantizer() {
    }

    public static QuantizedActivations quantize(VecDotType type, float[] x, int tokens, int cols) {
        int n = tokens * cols;
        float[] values = new float[n];
        return switch (type) {
            case F32 -> {
                System.arraycopy(x, 0, values, 0, n);
                yield new QuantizedActivations(type, tokens, cols, values, new byte[0], new float[0], new float[0]);
            }
            case F16 -> {
                for (int i = 0; i < n; i++) values[i] = HalfFloats.roundToF16(x[i]);
                yield new QuantizedActivations(type, tokens, cols, values, new byte[0], new float[0], new float[0]);
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) values[i] = HalfFloats.roundToBf16(x[i]);
                yield new QuantizedActivations(type, tokens, cols, values, new byte[0], new float[0], new float[0]);
            }
            case Q8_0, Q8_1 -> q8_0(type, x, tokens, cols, values);
            case Q8_K -> q8_K(x, tokens, cols, values);
        };
    }

    private static QuantizedActivations q8_0(VecDotType type, float[] x, int tokens, int cols, float[] values) {
        int blocks = tokens * cols / 32;
        byte[] q = new byte[tokens * cols];
        float[] d = new float[blocks];
        float[] s = new float[type == VecDotType.Q8_1 ? blocks : 0];
        for (int b = 0; b < blocks; b++) {
            int o = b * 32;
            float amax = 0;
            for (int j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[o + j]));
            float scale = amax / 127.f;
            float id = amax != 0 ? 127.f / amax : 0.f;
            d[b] = HalfFloats.roundToF16(scale);
            int sum = 0;
            for (int j = 0; j < 32; j++) {
                int v = (int) Math.rint(x[o + j] * id);
                q[o + j] = (byte) v;
                values[o + j] = v;
                sum += v;
            }
            if (s.length > 0) s[b] = HalfFloats.roundToF16(scale * sum);
        }
        return new QuantizedActivations(type, tokens, cols, values, q, d, s);
    }

    private static QuantizedActivations q8_K(float[] x, int tokens, int cols, float[] values) {
        int blocks = tokens * cols / 256;
        byte[] q = new byte[tokens * cols];
        float[] d = new float[blocks];
        float[] bsums = new float[blocks * 16];
        for (int b = 0; b < blocks; b++) {
            int o = b * 256;
            float max = 0, amax = 0;
            for (int j = 0; j < 256; j++) {
                float ax = Math.abs(x[o + j]);
                if (ax > amax) { amax = ax; max = x[o + j]; }
            }
            if (amax == 0) continue; // d = 0, quants 0
            float iscale = -127.f / max;
            for (int j = 0; j < 256; j++) {
                int v = Math.min(127, nearestInt(iscale * x[o + j]));
                q[o + j] = (byte) v;
                values[o + j] = v;
                bsums[b * 16 + j / 16] += v;
            }
            d[b] = 1 / iscale;
        }
        return new QuantizedActivations(VecDotType.Q8_K, tokens, cols, values, q, d, bsums);
    }

    private static int nearestInt(float f) {
        return (Float.floatToRawIntBits(f + 12582912.f) & 0x007fffff) - 0x00400000;
    }
}
