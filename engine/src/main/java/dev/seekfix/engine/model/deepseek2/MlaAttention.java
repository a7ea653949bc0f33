package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.Product;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-head latent attention in its absorbed form (ENGINE.md step 6, llama.cpp src/models/deepseek2.cpp with
 * MLA): each head's {@code q_nope} is mapped into the latent space ({@code attn_k_b}), scored against the cached
 * {@code [c | k_pe]} of every earlier position in one 576-wide dot product, and the attended latent is mapped back
 * to the head's values ({@code attn_v_b}).
 */
final class MlaAttention {

    private final DeepSeek2Config c;
    private final Kernels k;
    private final float scale;

    MlaAttention(DeepSeek2Config c, Kernels k) {
        this.c = c;
        this.k = k;
        this.scale = c.attentionScale();
    }

    /**
     * Adds attention to {@code h} (already normed) for {@code tokens} tokens at positions {@code start…}, writing their
     * latents to the cache first.
     *
     * @param h   [tokens][hidden], the normed residual
     * @param cos [tokens][qkRope/2] rotary table of each token's position (and {@code sin})
     * @return [tokens][hidden], the attention output projected by {@code attn_output}
     */
    float[] forward(LayerWeights w, float[] h, int tokens, int start, float[] cacheLayer, float[] cos, float[] sin) {
        int nh = c.heads(), dn = c.qkNopeDim(), dr = c.qkRopeDim(), r = c.kvLoraRank();
        int qk = c.qkHeadDim(), width = c.cacheWidth(), half = dr / 2;

        float[] q = query(w.query(), h, tokens); // [tokens][nh][dn + dr]

        float[] kv = new float[tokens * width]; // [tokens][r + dr]
        k.matmul(w.kvA(), h, tokens, kv);
        // c = rmsnorm(kv[0:r]) · kv_a_norm; k_pe = rope(kv[r:]); both into the cache at the token's position
        for (int t = 0; t < tokens; t++) {
            int row = (start + t) * width;
            k.rmsnorm(cacheLayer, row, kv, t * width, width, 1, r, w.kvANorm(), c.rmsEps());
            System.arraycopy(kv, t * width + r, cacheLayer, row + r, dr);
            k.rope(cacheLayer, row + r, dr, cos, sin, t * half);
            for (int head = 0; head < nh; head++) k.rope(q, (t * nh + head) * qk + dn, dr, cos, sin, t * half);
        }

        float[] heads = tokens == 1 ? decodeHeads(w, q, start, cacheLayer) : batchHeads(w, q, tokens, start, cacheLayer);
        float[] out = new float[tokens * c.hidden()];
        k.matmul(w.output(), heads, tokens, out);
        return out;
    }

    /**
     * Attention of every head for a batch, head by head: each head's absorption and value products cover all tokens
     * at once (the tiled batch path).
     *
     * @param q [tokens][nh][dn + dr], roped
     * @return [tokens][nh][dv]
     */
    private float[] batchHeads(LayerWeights w, float[] q, int tokens, int start, float[] cacheLayer) {
        int nh = c.heads(), dn = c.qkNopeDim(), r = c.kvLoraRank(), dv = c.vHeadDim();
        int qk = c.qkHeadDim(), width = c.cacheWidth();
        float[] qNope = new float[tokens * dn];  // [tokens][dn] of one head
        float[] qAbs = new float[tokens * r];    // [tokens][r]
        float[] qCat = new float[width];         // [r | dr]
        float[] scores = new float[start + tokens];
        float[] latent = new float[tokens * r];  // [tokens][r] attended latent of one head
        float[] headOut = new float[tokens * dv]; // [tokens][dv]
        float[] heads = new float[tokens * nh * dv]; // [tokens][nh][dv]
        for (int head = 0; head < nh; head++) {
            for (int t = 0; t < tokens; t++) System.arraycopy(q, (t * nh + head) * qk, qNope, t * dn, dn);
            k.matmul(w.keyAbsorb()[head], qNope, tokens, qAbs);
            for (int t = 0; t < tokens; t++) { // causal: positions 0 … start+t
                attend(qAbs, t * r, q, (t * nh + head) * qk + dn, start + t + 1, cacheLayer, qCat, scores, latent, t * r);
            }
            k.matmul(w.valueUp()[head], latent, tokens, headOut);
            for (int t = 0; t < tokens; t++) System.arraycopy(headOut, t * dv, heads, (t * nh + head) * dv, dv);
        }
        return heads;
    }

    /**
     * Attention of every head for one token (decoding): the heads' absorption products run as one kernel call and
     * their value products as another, instead of two small products per head; scores and mixing stay per head.
     *
     * @param q [nh][dn + dr], roped
     * @return [nh][dv]
     */
    private float[] decodeHeads(LayerWeights w, float[] q, int start, float[] cacheLayer) {
        int nh = c.heads(), dn = c.qkNopeDim(), r = c.kvLoraRank(), dv = c.vHeadDim();
        int qk = c.qkHeadDim(), width = c.cacheWidth(), length = start + 1;
        float[] qAbs = new float[nh * r]; // [nh][r]
        List<Product> absorb = new ArrayList<>(nh);
        for (int head = 0; head < nh; head++) absorb.add(new Product(w.keyAbsorb()[head], q, head * qk, qAbs, head * r));
        k.matmulEach(absorb);

        float[] qCat = new float[width];       // [r | dr]
        float[] scores = new float[length];
        float[] latents = new float[nh * r];   // [nh][r] attended latent of each head
        for (int head = 0; head < nh; head++) {
            attend(qAbs, head * r, q, head * qk + dn, length, cacheLayer, qCat, scores, latents, head * r);
        }

        float[] heads = new float[nh * dv]; // [nh][dv]
        List<Product> values = new ArrayList<>(nh);
        for (int head = 0; head < nh; head++) values.add(new Product(w.valueUp()[head], latents, head * r, heads, head * dv));
        k.matmulEach(values);
        return heads;
    }

    /**
     * One head's query against the first {@code length} cached positions: scores of {@code [qAbs | q_pe]} against
     * every {@code [c | k_pe]}, softmax, and the probability-weighted latent into {@code latent[latentOffset …+r]}.
     *
     * @param qCat   scratch [r + dr]
     * @param scores scratch [≥ length]
     */
    private void attend(float[] qAbs, int qAbsOffset, float[] q, int qPeOffset, int length, float[] cacheLayer,
                        float[] qCat, float[] scores, float[] latent, int latentOffset) {
        int r = c.kvLoraRank(), width = c.cacheWidth();
        System.arraycopy(qAbs, qAbsOffset, qCat, 0, r);
        System.arraycopy(q, qPeOffset, qCat, r, c.qkRopeDim());
        k.attentionScores(qCat, 0, cacheLayer, 0, width, width, length, scores, 0);
        k.softmax(scores, 0, length, scale);
        k.attentionMix(scores, 0, cacheLayer, 0, width, r, length, latent, latentOffset);
    }

    private float[] query(QueryProjection p, float[] h, int tokens) {
        float[] q = new float[tokens * c.heads() * c.qkHeadDim()];
        switch (p) {
            case QueryProjection.Direct d -> k.matmul(d.wq(), h, tokens, q);
            case QueryProjection.LowRank lr -> {
                int rank = c.qLoraRank();
                float[] a = new float[tokens * rank];
                k.matmul(lr.wqA(), h, tokens, a);
                k.rmsnorm(a, 0, a, 0, rank, tokens, rank, lr.qANorm(), c.rmsEps());
                k.matmul(lr.wqB(), a, tokens, q);
            }
        }
        return q;
    }
}
