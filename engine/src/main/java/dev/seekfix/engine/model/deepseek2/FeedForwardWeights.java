package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.kernels.StackedWeights;
import dev.seekfix.engine.kernels.WeightMatrix;

/** The feed-forward half of a layer: a dense SwiGLU (leading layers) or a mixture of experts. */
sealed interface FeedForwardWeights {

    /** {@code down(silu(gate h) ⊙ up h)}. */
    record Dense(WeightMatrix gate, WeightMatrix up, WeightMatrix down) implements FeedForwardWeights {
    }

    /**
     * Routed experts ({@code [hidden, expertFfn, experts]} stacks) plus optional always-on shared experts.
     *
     * @param router {@code ffn_gate_inp}, [experts][hidden]
     * @param shared null when the model has no shared experts
     */
    record Moe(WeightMatrix router, StackedWeights gate, StackedWeights up, StackedWeights down, Dense shared)
            implements FeedForwardWeights {
    }
}
