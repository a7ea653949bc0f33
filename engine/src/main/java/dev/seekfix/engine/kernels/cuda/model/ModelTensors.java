package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;
import dev.seekfix.engine.model.deepseek2.TensorNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The weight tensors a DeepSeek-V2 model of a given config has (current MLA layout), with their ggml shapes:
 * named through the forward pass's {@link TensorNames}. Drives loading (shape checks), random benchmark models and
 * size plans.
 */
public final class ModelTensors {

    /**
     * @param cols  ne0, elements per row
     * @param rows  ne1
     * @param count ne2 (experts or heads), 1 for 2-D tensors; 0 marks a 1-D vector (norms)
     */
    public record Shape(String name, long cols, long rows, int count) {
        public boolean vector() { return count == 0; }

        public long elements() { return cols * rows * Math.max(1, count); }

        /** Rows of all matrices together. */
        public long totalRows() { return rows * Math.max(1, count); }
    }

    static final String TOKEN_EMBD = TensorNames.TOKEN_EMBD;
    static final String OUTPUT_NORM = TensorNames.OUTPUT_NORM;
    static final String OUTPUT = TensorNames.OUTPUT;

    private ModelTensors() {
    }

    public static String block(int layer, String name) {
        return TensorNames.block(layer, name);
    }

    public static List<Shape> of(DeepSeek2Config c) {
        List<Shape> s = new ArrayList<>();
        int h = c.hidden(), nh = c.heads(), qk = c.qkHeadDim();
        s.add(new Shape(TOKEN_EMBD, h, c.vocabularySize(), 1));
        for (int l = 0; l < c.layers(); l++) {
            s.add(new Shape(block(l, "attn_norm"), h, 1, 0));
            if (c.qLoraRank() > 0) {
                s.add(new Shape(block(l, "attn_q_a"), h, c.qLoraRank(), 1));
                s.add(new Shape(block(l, "attn_q_a_norm"), c.qLoraRank(), 1, 0));
                s.add(new Shape(block(l, "attn_q_b"), c.qLoraRank(), (long) nh * qk, 1));
            } else {
                s.add(new Shape(block(l, "attn_q"), h, (long) nh * qk, 1));
            }
            s.add(new Shape(block(l, "attn_kv_a_mqa"), h, c.cacheWidth(), 1));
            s.add(new Shape(block(l, "attn_kv_a_norm"), c.kvLoraRank(), 1, 0));
            s.add(new Shape(block(l, "attn_k_b"), c.qkNopeDim(), c.kvLoraRank(), nh));
            s.add(new Shape(block(l, "attn_v_b"), c.kvLoraRank(), c.vHeadDim(), nh));
            s.add(new Shape(block(l, "attn_output"), (long) nh * c.vHeadDim(), h, 1));
            s.add(new Shape(block(l, "ffn_norm"), h, 1, 0));
            if (c.isMoeLayer(l)) {
                s.add(new Shape(block(l, "ffn_gate_inp"), h, c.experts(), 1));
                s.add(new Shape(block(l, "ffn_gate_exps"), h, c.expertFfn(), c.experts()));
                s.add(new Shape(block(l, "ffn_up_exps"), h, c.expertFfn(), c.experts()));
                s.add(new Shape(block(l, "ffn_down_exps"), c.expertFfn(), h, c.experts()));
                if (c.sharedExperts() > 0) {
                    long w = (long) c.sharedExperts() * c.expertFfn();
                    s.add(new Shape(block(l, "ffn_gate_shexp"), h, w, 1));
                    s.add(new Shape(block(l, "ffn_up_shexp"), h, w, 1));
                    s.add(new Shape(block(l, "ffn_down_shexp"), w, h, 1));
                }
            } else {
                s.add(new Shape(block(l, "ffn_gate"), h, c.denseFfn(), 1));
                s.add(new Shape(block(l, "ffn_up"), h, c.denseFfn(), 1));
                s.add(new Shape(block(l, "ffn_down"), c.denseFfn(), h, 1));
            }
        }
        s.add(new Shape(OUTPUT_NORM, h, 1, 0));
        s.add(new Shape(OUTPUT, h, c.vocabularySize(), 1));
        return List.copyOf(s);
    }

    /**
     * Elements of the weights one decoded token reads: everything but the unselected experts and the embedding table
     * (one row of it). With the bytes per element of a type this is the numerator of the memory-bandwidth bound.
     */
    public static long activeElementsPerToken(DeepSeek2Config c) {
        long total = 0;
        for (Shape s : of(c)) {
            if (s.name().equals(TOKEN_EMBD)) total += s.cols();
            else if (s.name().endsWith("_exps.weight")) total += s.cols() * s.rows() * c.expertsUsed();
            else total += s.elements();
        }
        return total;
    }

    /** DeepSeek-Coder-V2-Lite's shapes (ENGINE.md "Configurations"), for random-weight benchmarks. */
    public static DeepSeek2Config coderV2Lite(int layers) {
        return new DeepSeek2Config(layers, 2048, 16, 102400, 163840, 0, 512, 128, 64, 128, true,
                1, 10944, 64, 6, 2, 1408, 1.0f, false, 1, 1,
                10000f, 40f, 4096, 32f, 1f, 0.0707f, 1e-6f);
    }
}
