package dev.seekfix.engine.runtime.files;

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
        out.add(new Planned("token_embd.weight", new long[] {s.hidden(), s.vocabulary()}, Init.EMBEDDING));
        for (int l = 0; l < s.layers(); l++) {
            String b = "blk." + l + ".";
            out.add(new Planned(b + "attn_norm.weight", new long[] {s.hidden()}, Init.NORM));
            if (s.qLoraRank() > 0) {
                out.add(new Planned(b + "attn_q_a.weight", new long[] {s.hidden(), s.qLoraRank()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b + "attn_q_a_norm.weight", new long[] {s.qLoraRank()}, Init.NORM));
                out.add(new Planned(b + "attn_q_b.weight", new long[] {s.qLoraRank(), (long) s.heads() * qk}, Init.NORMAL_FAN_IN));
            } else {
                out.add(new Planned(b + "attn_q.weight", new long[] {s.hidden(), (long) s.heads() * qk}, Init.NORMAL_FAN_IN));
            }
            out.add(new Planned(b + "attn_kv_a_mqa.weight", new long[] {s.hidden(), s.kvLoraRank() + s.qkRopeDim()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b + "attn_kv_a_norm.weight", new long[] {s.kvLoraRank()}, Init.NORM));
            out.add(new Planned(b + "attn_k_b.weight", new long[] {s.qkNopeDim(), s.kvLoraRank(), s.heads()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b + "attn_v_b.weight", new long[] {s.kvLoraRank(), s.vHeadDim(), s.heads()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b + "attn_output.weight", new long[] {(long) s.heads() * s.vHeadDim(), s.hidden()},
                    Init.NORMAL_FAN_IN));
            out.add(new Planned(b + "ffn_norm.weight", new long[] {s.hidden()}, Init.NORM));
            if (l < s.denseLayers() || s.experts() == 0) {
                out.add(new Planned(b + "ffn_gate.weight", new long[] {s.hidden(), s.denseFfn()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b + "ffn_down.weight", new long[] {s.denseFfn(), s.hidden()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b + "ffn_up.weight", new long[] {s.hidden(), s.denseFfn()}, Init.NORMAL_FAN_IN));
            } else {
                long shared = (long) s.expertFfn() * s.sharedExperts();
                out.add(new Planned(b + "ffn_gate_inp.weight", new long[] {s.hidden(), s.experts()}, Init.NORMAL_FAN_IN));
                out.add(new Planned(b + "ffn_gate_exps.weight", new long[] {s.hidden(), s.expertFfn(), s.experts()},
                        Init.NORMAL_FAN_IN));
                out.add(new Planned(b + "ffn_down_exps.weight", new long[] {s.expertFfn(), s.hidden(), s.experts()},
                        Init.NORMAL_FAN_IN));
                out.add(new Planned(b + "ffn_up_exps.weight", new long[] {s.hidden(), s.expertFfn(), s.experts()},
                        Init.NORMAL_FAN_IN));
                if (shared > 0) {
                    out.add(new Planned(b + "ffn_gate_shexp.weight", new long[] {s.hidden(), shared}, Init.NORMAL_FAN_IN));
                    out.add(new Planned(b + "ffn_down_shexp.weight", new long[] {shared, s.hidden()}, Init.NORMAL_FAN_IN));
                    out.add(new Planned(b + "ffn_up_shexp.weight", new long[] {s.hidden(), shared}, Init.NORMAL_FAN_IN));
                }
            }
        }
        out.add(new Planned("output_norm.weight", new long[] {s.hidden()}, Init.NORM));
        out.add(new Planned("output.weight", new long[] {s.hidden(), s.vocabulary()}, Init.OUTPUT));
        return out;
    }
}
