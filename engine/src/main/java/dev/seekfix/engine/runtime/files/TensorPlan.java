package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.model.deepseek2.TensorNames;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensors of a {@code deepseek2} GGUF in the current (MLA) layout, in llama.cpp's order, with the
 * statistics of the fixtures' random weights (fixture README, section 2.2).
 */
final class TensorPlan {

    /** How a tensor's random values are drawn. */
    enum Init { NORMAL_FAN_IN, EMBEDDING, OUTPUT, NORM }

    /**
     * @param shape ggml {@code ne}, contiguous dimension first
     */
    record Planned(String name, long[] shape, Init init) {
        long elements() {
            long n = 1;
            for (long d : shape) n *= d;
            return n;
        }
    }

    private TensorPlan() {
    }

    static List<Planned> of(ModelShape s) {
        List<Planned> out = new ArrayList<>();
        int qk = s.qkNopeDim() + s.qkRopeDim();
        out.add(new Planned(TensorNames.TOKEN_EMBD, new long[] {s.hidden(), s.vocabulary()}, Init.EMBEDDING));
        for (int l = 0; l < s.layers(); l++) {
            final int layer = l;
            java.util.function.Function<String, String> b = n -> TensorNames.block(layer, n);
            out.add(new Planned(b.apply("attn_norm"), new long[] {s.hidden()}, Init.NORM));
            if (s.qLoraRank() > 0) {
                out.add(new Planned(b.apply("attn_q_a"), new long[] {s.hidden(), s.qLoraRank()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b.apply("attn_q_a_norm"), new long[] {s.qLoraRank()}, Init.NORM));
                out.add(new Planned(b.apply("attn_q_b"), new long[] {s.qLoraRank(), (long) s.heads() * qk}, Init.NORMAL_FAN_IN));
            } else {
                out.add(new Planned(b.apply("attn_q"), new long[] {s.hidden(), (long) s.heads() * qk}, Init.NORMAL_FAN_IN));
            }
            out.add(new Planned(b.apply("attn_kv_a_mqa"), new long[] {s.hidden(), s.kvLoraRank() + s.qkRopeDim()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b.apply("attn_kv_a_norm"), new long[] {s.kvLoraRank()}, Init.NORM));
            out.add(new Planned(b.apply("attn_k_b"), new long[] {s.qkNopeDim(), s.kvLoraRank(), s.heads()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b.apply("attn_v_b"), new long[] {s.kvLoraRank(), s.vHeadDim(), s.heads()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b.apply("attn_output"), new long[] {(long) s.heads() * s.vHeadDim(), s.hidden()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b.apply("ffn_norm"), new long[] {s.hidden()}, Init.NORM));
            if (l < s.denseLayers() || s.experts() == 0) {
                out.add(new Planned(b.apply("ffn_gate"), new long[] {s.hidden(), s.denseFfn()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b.apply("ffn_down"), new long[] {s.denseFfn(), s.hidden()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b.apply("ffn_up"), new long[] {s.hidden(), s.denseFfn()}, Init.NORMAL_FAN_IN));
            } else {
                long shared = (long) s.expertFfn() * s.sharedExperts();
                out.add(new Planned(b.apply("ffn_gate_inp"), new long[] {s.hidden(), s.experts()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b.apply("ffn_gate_exps"), new long[] {s.hidden(), s.expertFfn(), s.experts()},
                        Init.NORMAL_FAN_IN));
                out.add(new Planned(b.apply("ffn_down_exps"), new long[] {s.expertFfn(), s.hidden(), s.experts()},
                        Init.NORMAL_FAN_IN));
                out.add(new Planned(b.apply("ffn_up_exps"), new long[] {s.hidden(), s.expertFfn(), s.experts()},
                        Init.NORMAL_FAN_IN));
                if (shared > 0) {
                    out.add(new Planned(b.apply("ffn_gate_shexp"), new long[] {s.hidden(), shared}, Init.NORMAL_FAN_IN));
                    out.add(new Planned(b.apply("ffn_down_shexp"), new long[] {shared, s.hidden()}, Init.NORMAL_FAN_IN));
                    out.add(new Planned(b.apply("ffn_up_shexp"), new long[] {s.hidden(), shared}, Init.NORMAL_FAN_IN));
                }
            }
        }
        out.add(new Planned(TensorNames.OUTPUT_NORM, new long[] {s.hidden()}, Init.NORM));
        out.add(new Planned(TensorNames.OUTPUT, new long[] {s.hidden(), s.vocabulary()}, Init.OUTPUT));
        return out;
    }
}
