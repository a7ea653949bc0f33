package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.kernels.WeightMatrix;

/** How a layer projects the hidden state to per-head queries: directly (Lite) or through a rank-limited LoRA. */
sealed interface QueryProjection {

    /** {@code q = attn_q · h}. */
    record Direct(WeightMatrix wq) implements QueryProjection {
    }

    /** {@code q = attn_q_b · (rmsnorm(attn_q_a · h) · attn_q_a_norm)}. */
    record LowRank(WeightMatrix wqA, float[] qANorm, WeightMatrix wqB) implements QueryProjection {
    }
}
