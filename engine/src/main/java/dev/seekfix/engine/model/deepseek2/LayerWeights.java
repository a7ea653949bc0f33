package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.kernels.WeightMatrix;

/**
 * One transformer block's weights, viewing the mapped file.
 *
 * @param keyAbsorb per head, {@code [kvLoraRank][qkNopeDim]}: turns {@code q_nope} into a query over the latent
 * @param valueUp   per head, {@code [vHeadDim][kvLoraRank]}: turns the attended latent into the head's output
 */
record LayerWeights(float[] attnNorm, QueryProjection query, WeightMatrix kvA, float[] kvANorm,
                    WeightMatrix[] keyAbsorb, WeightMatrix[] valueUp, WeightMatrix output, float[] ffnNorm,
                    FeedForwardWeights ffn) {
}
