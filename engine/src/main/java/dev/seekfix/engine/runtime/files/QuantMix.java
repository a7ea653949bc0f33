package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.tensor.GgmlType;

/**
 * The type of each tensor in a file of a given {@link FileType}, following llama.cpp's
 * {@code llama_tensor_get_type} (src/llama-quant.cpp) for the tensors a {@code deepseek2} model has:
 * <ul>
 *   <li>1-D tensors, norms and the router {@code ffn_gate_inp} stay F32 (never quantized);</li>
 *   <li>{@code output.weight} is Q6_K unless the file is Q8_0 (or unquantized);</li>
 *   <li>Q4_K_M: {@code ffn_down*} of layers where {@code use_more_bits} holds get Q6_K (the layer taken from
 *       the name, as llama.cpp does for MoE models); {@code attn_output} gets Q5_K when the model has exactly 8
 *       experts;</li>
 *   <li>K-quants need rows that are a multiple of 256: Q4_K falls back to Q5_0, Q5_K to Q5_1, Q6_K to Q8_0, and a
 *       row still not a multiple of the block (e.g. 16 wide) to F16, as llama.cpp's fallback does.</li>
 * </ul>
 * The fixture files {@code ds2-micro-mla-Q4_K_M} and {@code ds2-k256-mla-Q4_K_M} show exactly these choices.
 */
public record QuantMix(FileType fileType, int layers, int experts) {

    /**
     * @param name  GGUF tensor name
     * @param shape ggml {@code ne}, contiguous dimension first
     */
    public GgmlType typeOf(String name, long[] shape) {
        if (shape.length < 2 || name.endsWith("_norm.weight") || name.contains("ffn_gate_inp")) return GgmlType.F32;
        GgmlType t = fileType.base();
        if (name.equals("output.weight")) {
            if (fileType != FileType.Q8_0 && isQuantized(fileType.base())) t = GgmlType.Q6_K;
        } else if (fileType == FileType.Q4_K_M) {
            if (name.contains("ffn_down") && useMoreBits(layerOf(name), layers)) t = GgmlType.Q6_K;
            else if (name.contains("attn_output.weight") && experts == 8) t = GgmlType.Q5_K;
        }
        return fitRows(t, shape[0]);
    }

    private static boolean isQuantized(GgmlType t) {
        return t != GgmlType.F32 && t != GgmlType.F16 && t != GgmlType.BF16;
    }

    /** llama.cpp's {@code use_more_bits}: the first and last eighth of the layers, and every third in between. */
    static boolean useMoreBits(int layer, int layers) {
        return layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;
    }

    private static int layerOf(String name) {
        if (!name.startsWith("blk.")) return 0;
        return Integer.parseInt(name.substring(4, name.indexOf('.', 4)));
    }

    // llama_tensor_get_type's fallback for rows that are not a multiple of the block
    private static GgmlType fitRows(GgmlType t, long cols) {
        if (cols % t.blockSize() == 0) return t;
        GgmlType fallback = switch (t) {
            case Q4_K -> GgmlType.Q5_0;
            case Q5_K -> GgmlType.Q5_1;
            case Q6_K -> GgmlType.Q8_0;
            default -> GgmlType.F16;
        };
        return cols % fallback.blockSize() == 0 ? fallback : GgmlType.F16;
    }
}
