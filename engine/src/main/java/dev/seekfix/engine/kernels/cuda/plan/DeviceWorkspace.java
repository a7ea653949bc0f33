package dev.seekfix.engine.kernels.cuda.plan;

import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;

/**
 * Scratch buffers of the device forward pass for batches of up to {@code tokens} tokens over a cache of
 * {@code capacity} positions, in floats (ints for ids). Shapes, outermost first:
 *
 * @param hidden   x, h, block output, gathered expert inputs, expert outputs: [tokens][hidden] each
 * @param query    [tokens][heads][qkHead]
 * @param queryA   [tokens][qLoraRank] (0 without q-LoRA)
 * @param kv       [tokens][width], the new latents before norm and RoPE
 * @param qcat     [tokens][heads][width], absorbed queries
 * @param scores   [tokens][heads][capacity]
 * @param partial  [tokens][mixSplits][heads][kvLoraRank]
 * @param latent   [tokens][heads][kvLoraRank], attended latents
 * @param headsOut [tokens][heads][vHead]
 * @param ffn      gate and up: [tokens · slots][max FFN width] each (dense, shared, or the selected experts)
 * @param slots    [tokens][expertsUsed][hidden], expert outputs before weighting
 * @param router   [tokens][experts]
 * @param picks    expert ids and weights: [tokens][expertsUsed] each
 * @param halfActs fp16/bf16 activations for cuBLAS: [tokens][max input width] (u16)
 */
public record DeviceWorkspace(int tokens, int capacity, long hidden, long query, long queryA, long kv, long qcat,
                              long scores, long partial, long latent, long headsOut, long ffn, long slots, long router,
                              long picks, long halfActs, long vocabulary) {

    /** Largest weight chunk widened to half precision at once for a cuBLAS product (bytes). */
    public static final long HALF_WEIGHT_CHUNK_BYTES = 64L << 20;

    public static DeviceWorkspace of(DeepSeek2Config c, int tokens, int capacity) {
        if (tokens < 1 || capacity < 1) throw new IllegalArgumentException("workspace for " + tokens + " tokens, capacity " + capacity);
        long t = tokens;
        int width = c.cacheWidth();
        long ffnWidth = Math.max(c.denseFfn(), Math.max((long) c.sharedExperts() * c.expertFfn(), c.expertFfn()));
        long slotsPerToken = Math.max(1, c.expertsUsed());
        long maxIn = Math.max(Math.max(c.hidden(), (long) c.heads() * c.vHeadDim()), Math.max(ffnWidth, c.qLoraRank()));
        return new DeviceWorkspace(tokens, capacity,
                t * c.hidden(),
                t * c.heads() * c.qkHeadDim(),
                t * c.qLoraRank(),
                t * width,
                t * c.heads() * width,
                t * c.heads() * capacity,
                t * LaunchGeometry.mixSplits(capacity) * c.heads() * c.kvLoraRank(),
                t * c.heads() * c.kvLoraRank(),
                t * c.heads() * c.vHeadDim(),
                t * slotsPerToken * ffnWidth,
                t * slotsPerToken * c.hidden(),
                t * Math.max(1, c.experts()),
                t * slotsPerToken,
                t * maxIn,
                c.vocabularySize());
    }

    /** Bytes of all buffers: 5 buffers of [tokens][hidden], 2 FFN buffers, 2 pick buffers, the half scratch. */
    public long totalBytes() {
        long floats = 5 * hidden + query + queryA + kv + qcat + scores + partial + latent + headsOut + 2 * ffn + slots
                + router + 2 * picks + vocabulary + tokens + 1;
        return floats * Float.BYTES + halfActs * 2 + HALF_WEIGHT_CHUNK_BYTES;
    }

    /**
     * The largest prefill batch (≤ {@code preferred}) whose workspace fits {@code budgetBytes}: scores and partial sums
     * grow with batch × capacity, so long contexts get smaller batches.
     */
    public static int prefillBatch(DeepSeek2Config c, int capacity, int preferred, long budgetBytes) {
        int lo = 1, hi = Math.max(1, preferred);
        if (of(c, 1, capacity).totalBytes() > budgetBytes) {
            throw new IllegalArgumentException("even one token needs " + of(c, 1, capacity).totalBytes() + " B of workspace for a "
                    + capacity + "-token context, over the budget of " + budgetBytes + " B; use a shorter context");
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (of(c, mid, capacity).totalBytes() <= budgetBytes) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
