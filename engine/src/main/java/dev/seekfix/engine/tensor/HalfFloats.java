package dev.seekfix.engine.tensor;

/**
 * IEEE half (F16) and bfloat16 conversions, rounding to nearest even as ggml does on x86
 * ({@code _cvtss_sh}, and {@code ggml_compute_fp32_to_bf16} in ggml-impl.h).
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    public static float f16ToFloat(short bits) {
        return Float.float16ToFloat(bits);
    }

    public static short floatToF16(float v) {
        return Float.floatToFloat16(v);
    }

    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    public static short floatToBf16(float v) {
        int u = Float.floatToRawIntBits(v);
        if ((u & 0x7fffffff) > 0x7f800000) return (short) ((u >>> 16) | 64); // force quiet NaN
        return (short) ((u + (0x7fff + ((u >>> 16) & 1))) >>> 16);
    }

    /** The value F16 storage would give back. */
    public static float roundToF16(float v) {
        return Float.float16ToFloat(Float.floatToFloat16(v));
    }

    public static float roundToBf16(float v) {
        return bf16ToFloat(floatToBf16(v));
    }
}
