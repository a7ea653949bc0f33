package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufMetadata;

/**
 * Hyper-parameters of a DeepSeek-V2 model from its {@code deepseek2.*} GGUF keys (ENGINE.md, fixture README 2.1).
 *
 * @param qLoraRank         0 when the file has a single {@code attn_q} (Lite models)
 * @param qkNopeDim         per-head query/key dimensions without position (128 for Coder-V2)
 * @param qkRopeDim         per-head rotary dimensions (64), shared key {@code k_pe}
 * @param vHeadDim          per-head value dimension (128)
 * @param mlaLayout         current files ({@code attn_k_b}/{@code attn_v_b}); false for 2024 files ({@code attn_kv_b})
 * @param expertGroupCount  1 = plain greedy top-k
 * @param yarnLogMultiplier 0.1 · YaRN mscale_all_dim, as the GGUF stores it (0.0707 for Coder-V2)
 */
public record DeepSeek2Config(
        int layers, int hidden, int heads, int vocabularySize, int contextLength,
        int qLoraRank, int kvLoraRank, int qkNopeDim, int qkRopeDim, int vHeadDim, boolean mlaLayout,
        int denseLayers, int denseFfn, int experts, int expertsUsed, int sharedExperts, int expertFfn,
        float expertWeightsScale, boolean expertWeightsNorm, int expertGroupCount, int expertGroupsUsed,
        float ropeBase, float ropeScalingFactor, int ropeOriginalContext, float yarnBetaFast, float yarnBetaSlow,
        float yarnLogMultiplier, float rmsEps) {

    static final String ARCH = "deepseek2";

    public static DeepSeek2Config from(GgufMetadata m, int vocabularyFromTensors) {
        String arch = m.getString("general.architecture");
        if (!arch.equals(ARCH)) {
            throw new ModelFormatException(m.source() + ": architecture '" + arch + "' is not supported; seekfix runs "
                    + "'deepseek2' models (DeepSeek-V2, V2-Lite, Coder-V2, Coder-V2-Lite)");
        }
        Keys k = new Keys(m);
        int layers = k.positive("block_count");
        int hidden = k.positive("embedding_length");
        int heads = k.positive("attention.head_count");
        int headsKv = k.positive("attention.head_count_kv");
        int kvLora = k.positive("attention.kv_lora_rank");
        int rope = k.positive("rope.dimension_count");
        boolean mla = m.has(ARCH + ".attention.key_length_mla");
        int qkNope, vHead;
        if (mla) {
            int keyMla = k.positive("attention.key_length_mla");
            vHead = k.positive("attention.value_length_mla");
            qkNope = keyMla - rope;
            if (headsKv != 1) {
                throw new ModelFormatException(m.source() + ": MLA-layout file with attention.head_count_kv = " + headsKv
                        + ", expected 1; the file is inconsistent, re-convert it");
            }
        } else {
            int key = k.positive("attention.key_length");
            vHead = k.positive("attention.value_length");
            qkNope = key - rope;
        }
        if (qkNope <= 0 || rope % 2 != 0) {
            throw new ModelFormatException(m.source() + ": key length " + (qkNope + rope) + " and rope.dimension_count "
                    + rope + " leave no room for the no-position part of the key (or rope dims are odd)");
        }
        // q_lora_rank: absent on Lite files (llama.cpp requires it except for 26/27-layer models), 0 = no q-LoRA
        int qLora = k.nonNegative("attention.q_lora_rank", 0);
        int denseLayers = k.nonNegative("leading_dense_block_count", 0);
        int experts = k.nonNegative("expert_count", 0);
        int used = experts > 0 ? k.positive("expert_used_count") : 0;
        if (used > experts) {
            throw new ModelFormatException(m.source() + ": expert_used_count " + used + " exceeds expert_count " + experts);
        }
        int gating = k.nonNegative("expert_gating_func", 1);
        if (gating != 1) {
            throw new ModelFormatException(m.source() + ": expert_gating_func " + gating + " (" + (gating == 2 ? "sigmoid" : "unknown")
                    + ") is not supported; DeepSeek-V2 models use softmax gating (1)");
        }
        int groups = k.nonNegative("expert_group_count", 1);
        int groupsUsed = k.nonNegative("expert_group_used_count", groups);
        if (groups > 1 && (experts % groups != 0 || groupsUsed < 1 || groupsUsed > groups)) {
            throw new ModelFormatException(m.source() + ": expert_group_count " + groups + " / expert_group_used_count "
                    + groupsUsed + " do not divide " + experts + " experts sensibly");
        }
        String scalingType = m.getString(ARCH + ".rope.scaling.type", "none");
        float factor = 1f;
        int origCtx = 0;
        if (scalingType.equals("yarn")) {
            factor = (float) m.getDouble(ARCH + ".rope.scaling.factor");
            origCtx = k.positive("rope.scaling.original_context_length");
        } else if (!scalingType.equals("none")) {
            throw new ModelFormatException(m.source() + ": rope.scaling.type '" + scalingType + "' is not supported (yarn or none)");
        }
        int ctx = k.positive("context_length");
        return new DeepSeek2Config(layers, hidden, heads, vocabularyFromTensors, ctx, qLora, kvLora, qkNope, rope, vHead, mla,
                Math.min(denseLayers, layers), k.nonNegative("feed_forward_length", 0), experts, used,
                k.nonNegative("expert_shared_count", 0), k.nonNegative("expert_feed_forward_length", 0),
                (float) m.getDouble(ARCH + ".expert_weights_scale", 1.0), m.getBoolean(ARCH + ".expert_weights_norm", false),
                groups, groupsUsed, (float) m.getDouble(ARCH + ".rope.freq_base", 10000.0), factor, origCtx,
                (float) m.getDouble(ARCH + ".rope.scaling.yarn_beta_fast", 32.0),
                (float) m.getDouble(ARCH + ".rope.scaling.yarn_beta_slow", 1.0),
                (float) m.getDouble(ARCH + ".rope.scaling.yarn_log_multiplier", 0.0),
                (float) m.getDouble(ARCH + ".attention.layer_norm_rms_epsilon"));
    }

    /** Query/key head width: no-position part plus rotary part (192 for Coder-V2). */
    public int qkHeadDim() {
        return qkNopeDim + qkRopeDim;
    }

    /** Floats cached per token per layer: the compressed latent plus the roped shared key (576). */
    public int cacheWidth() {
        return kvLoraRank + qkRopeDim;
    }

    public boolean isMoeLayer(int layer) {
        return layer >= denseLayers && experts > 0;
    }

    /**
     * Attention logit scale {@code mscale² / sqrt(qkHeadDim)} with {@code mscale = 1 + 0.1 · mscale_all_dim ·
     * ln(factor)} (llama.cpp src/models/deepseek2.cpp; 0.1147214 for Coder-V2-Lite).
     */
    public float attentionScale() {
        float mscale = 1.0f + yarnLogMultiplier * (float) Math.log(1.0f / (1.0f / ropeScalingFactor));
        return mscale * mscale / (float) Math.sqrt(qkHeadDim());
    }

    private record Keys(GgufMetadata m) {
        int positive(String key) {
            int v = m.getInt(ARCH + "." + key);
            if (v <= 0 || v > 1 << 24) {
                throw new ModelFormatException(m.source() + ": " + ARCH + "." + key + " = " + v
                        + ", expected a positive size below 2^24; the file is corrupt");
            }
            return v;
        }

        int nonNegative(String key, int fallback) {
            if (!m.has(ARCH + "." + key)) return fallback;
            int v = m.getInt(ARCH + "." + key);
            if (v < 0 || v > 1 << 24) {
                throw new ModelFormatException(m.source() + ": " + ARCH + "." + key + " = " + v
                        + ", expected 0 or a positive size below 2^24; the file is corrupt");
            }
            return v;
        }
    }
}
