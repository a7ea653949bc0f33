package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.kernels.cuda.device.DeviceMatrix;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;

/**
 * One block's weights on the device. Vectors are device addresses of F32 values.
 *
 * @param wq       attn_q, or null with q-LoRA
 * @param kAbsorb  attn_k_b: [heads] × [kvLora][qkNope]
 * @param vUp      attn_v_b: [heads] × [vHead][kvLora]
 * @param ffn      dense or mixture-of-experts feed-forward
 */
record DeviceLayer(long attnNorm, DeviceMatrix wq, DeviceMatrix wqA, long qANorm, DeviceMatrix wqB, DeviceMatrix kvA,
                   long kvANorm, DeviceMatrix kAbsorb, DeviceMatrix vUp, DeviceMatrix wo, long ffnNorm, Ffn ffn) {

    sealed interface Ffn {
    }

    record Dense(DeviceMatrix gate, DeviceMatrix up, DeviceMatrix down) implements Ffn {
    }

    /** @param shared null without shared experts */
    record Moe(DeviceMatrix router, DeviceMatrix gate, DeviceMatrix up, DeviceMatrix down, Dense shared) implements Ffn {
    }

    static DeviceLayer of(DeviceWeights w, DeepSeek2Config c, int l) {
        boolean lora = c.qLoraRank() > 0;
        Ffn ffn;
        if (c.isMoeLayer(l)) {
            Dense shared = c.sharedExperts() > 0 ? new Dense(w.matrix(ModelTensors.block(l, "ffn_gate_shexp")),
                    w.matrix(ModelTensors.block(l, "ffn_up_shexp")), w.matrix(ModelTensors.block(l, "ffn_down_shexp"))) : null;
            ffn = new Moe(w.matrix(ModelTensors.block(l, "ffn_gate_inp")), w.matrix(ModelTensors.block(l, "ffn_gate_exps")),
                    w.matrix(ModelTensors.block(l, "ffn_up_exps")), w.matrix(ModelTensors.block(l, "ffn_down_exps")), shared);
        } else {
            ffn = new Dense(w.matrix(ModelTensors.block(l, "ffn_gate")), w.matrix(ModelTensors.block(l, "ffn_up")),
                    w.matrix(ModelTensors.block(l, "ffn_down")));
        }
        return new DeviceLayer(w.vector(ModelTensors.block(l, "attn_norm")),
                lora ? null : w.matrix(ModelTensors.block(l, "attn_q")),
                lora ? w.matrix(ModelTensors.block(l, "attn_q_a")) : null,
                lora ? w.vector(ModelTensors.block(l, "attn_q_a_norm")) : 0,
                lora ? w.matrix(ModelTensors.block(l, "attn_q_b")) : null,
                w.matrix(ModelTensors.block(l, "attn_kv_a_mqa")), w.vector(ModelTensors.block(l, "attn_kv_a_norm")),
                w.matrix(ModelTensors.block(l, "attn_k_b")), w.matrix(ModelTensors.block(l, "attn_v_b")),
                w.matrix(ModelTensors.block(l, "attn_output")), w.vector(ModelTensors.block(l, "ffn_norm")), ffn);
    }
}
