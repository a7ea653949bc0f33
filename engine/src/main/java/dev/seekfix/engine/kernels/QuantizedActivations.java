package dev.seekfix.engine.kernels;

/**
 * The activation operand of a matrix product after ggml's rounding ({@link ActivationQuantizer}).
 * All arrays are [tokens][…] flattened.
 *
 * @param values float kinds: the rounded values; Q8 kinds: the int8 quants as floats (exact), [tokens][cols]
 * @param quants Q8 kinds: the int8 quants, [tokens][cols]; empty for float kinds
 * @param scales Q8 kinds: the scale of each block, [tokens][cols / blockSize]
 * @param sums   Q8_1: scale × sum of quants per block of 32; Q8_K: sum of quants per 16; [tokens][…]
 */
public record QuantizedActivations(VecDotType type, int tokens, int cols, float[] values, byte[] quants, float[] scales,
                                   float[] sums) {

    public int blocksPerToken() {
        return cols / type.blockSize();
    }
}
