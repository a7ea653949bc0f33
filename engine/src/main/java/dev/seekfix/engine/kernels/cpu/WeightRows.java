package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.tensor.GgmlType;

import java.lang.foreign.MemorySegment;

/** The per-type row kernels: fused dots for decoding, row decoders for the tiled batch path. */
final class WeightRows {

    private WeightRows() {
    }

    /** Whether the types below have vector kernels (the others use the scalar row dot). */
    static boolean supports(GgmlType type) {
        return switch (type) {
            case F32, F16, BF16, Q8_0, Q4_0, Q5_0, Q4_K, Q6_K -> true;
            default -> false;
        };
    }

    /** {@code out[outOffset + r] = row r · token} for rows {@code from … to-1}. */
    static void dot(GgmlType type, MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a,
                    int token, float[] out, int outOffset) {
        switch (type) {
            case Q8_0 -> Q8_0Rows.dot(s, rowBytes, from, to, cols, a, token, out, outOffset);
            case Q4_0, Q5_0 -> {
                boolean five = type == GgmlType.Q5_0;
                if (NibblePairRows.fits(cols)) NibblePairRows.dot(s, rowBytes, from, to, cols, a, token, out, outOffset, five);
                else NibbleBlockRows.dot(s, rowBytes, from, to, cols, a, token, out, outOffset, five);
            }
            case Q4_K -> Q4_KRows.dot(s, rowBytes, from, to, cols, a, token, out, outOffset);
            case Q6_K -> {
                if (Lanes.WIDE) Q6_KWideRows.dot(s, rowBytes, from, to, cols, a, token, out, outOffset);
                else Q6_KRows.dot(s, rowBytes, from, to, cols, a, token, out, outOffset);
            }
            case F32, F16, BF16 -> FloatRows.dot(type, s, rowBytes, from, to, cols, a, token, out, outOffset);
            default -> throw new IllegalArgumentException("no vector kernel for " + type.ggmlName());
        }
    }

    /** The dequantized row at byte {@code at}, in {@link LaneOrder}, into {@code w[wo …]}. */
    static void decode(GgmlType type, MemorySegment s, long at, int cols, float[] w, int wo) {
        switch (type) {
            case Q8_0 -> Q8_0Rows.decode(s, at, cols, w, wo);
            case Q4_0, Q5_0 -> {
                boolean five = type == GgmlType.Q5_0;
                if (NibblePairRows.fits(cols)) NibblePairRows.decode(s, at, cols, w, wo, five);
                else NibbleBlockRows.decode(s, at, cols, w, wo, five);
            }
            case Q4_K -> Q4_KRows.decode(s, at, cols, w, wo);
            case Q6_K -> {
                if (Lanes.WIDE) Q6_KWideRows.decode(s, at, cols, w, wo);
                else Q6_KRows.decode(s, at, cols, w, wo);
            }
            case F32, F16, BF16 -> FloatRows.decode(type, s, at, cols, w, wo);
            default -> throw new IllegalArgumentException("no vector kernel for " + type.ggmlName());
        }
    }
}
