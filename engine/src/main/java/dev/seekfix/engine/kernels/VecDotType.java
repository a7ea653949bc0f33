package dev.seekfix.engine.kernels;

import dev.seekfix.engine.tensor.GgmlType;

/**
 * What ggml's CPU backend turns the activation operand of a matrix product into before the dot products
 * ({@code vec_dot_type} in ggml-cpu.c's type traits): the same rounding here makes our logits agree with
 * llama.cpp's to float precision instead of to quantisation noise (fixture README section 4).
 */
public enum VecDotType {
    /** Activations stay float32. */
    F32,
    /** Activations rounded to half precision. */
    F16,
    /** Activations rounded to bfloat16. */
    BF16,
    /** Blocks of 32: fp16 scale amax/127, int8 quants. */
    Q8_0,
    /** Q8_0 plus the block's sum times its scale (for Q4_1/Q5_1). */
    Q8_1,
    /** Blocks of 256: float scale −max/127, int8 quants, sums per 16. */
    Q8_K;

    public static VecDotType of(GgmlType weights) {
        return switch (weights) {
            case F32 -> F32;
            case F16 -> F16;
            case BF16 -> BF16;
            case Q4_0, Q5_0, Q8_0 -> Q8_0;
            case Q4_1, Q5_1 -> Q8_1;
            case Q4_K, Q5_K, Q6_K -> Q8_K;
            default -> throw new IllegalArgumentException("no kernels for " + weights.ggmlName());
        };
    }

    public int blockSize() {
        return switch (this) {
            case F32, F16, BF16 -> 1;
            case Q8_0, Q8_1 -> 32;
            case Q8_K -> 256;
        };
    }
}
