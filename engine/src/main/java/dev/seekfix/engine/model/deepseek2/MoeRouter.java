package dev.seekfix.engine.model.deepseek2;

/**
 * Chooses each token's experts from its router probabilities (ENGINE.md step 7): greedy top-k, or
 * DeepSeek-V2's {@code group_limited_greedy} (score each group by its largest probability, keep the best
 * {@code topk_group} groups, top-k inside them); weights are the probabilities, renormalised only if asked,
 * times the scaling factor. Ties go to the lower expert id.
 */
final class MoeRouter {

    record Choice(int[] experts, float[] weights) {
    }

    private final DeepSeek2Config c;

    MoeRouter(DeepSeek2Config c) {
        this.c = c;
    }

    /** @param probs the softmax of the router logits, [experts] */
    Choice choose(float[] probs, int offset) {
        int n = c.experts(), k = c.expertsUsed();
        boolean[] allowed = new boolean[n];
        if (c.expertGroupCount() > 1) {
            int groups = c.expertGroupCount(), perGroup = n / groups;
            float[] groupScore = new float[groups];
            for (int g = 0; g < groups; g++) {
                float best = Float.NEGATIVE_INFINITY;
                for (int e = g * perGroup; e < (g + 1) * perGroup; e++) best = Math.max(best, probs[offset + e]);
                groupScore[g] = best;
            }
            boolean[] keptGroup = new boolean[groups];
            for (int i = 0; i < c.expertGroupsUsed(); i++) {
                int best = -1;
                for (int g = 0; g < groups; g++) {
                    if (!keptGroup[g] && (best < 0 || groupScore[g] > groupScore[best])) best = g;
                }
                keptGroup[best] = true;
            }
            for (int e = 0; e < n; e++) allowed[e] = keptGroup[e / perGroup];
        } else {
            java.util.Arrays.fill(allowed, true);
        }
        int[] chosen = new int[k];
        float[] weights = new float[k];
        boolean[] taken = new boolean[n];
        float sum = 0;
        for (int i = 0; i < k; i++) {
            int best = -1;
            for (int e = 0; e < n; e++) {
                if (allowed[e] && !taken[e] && (best < 0 || probs[offset + e] > probs[offset + best])) best = e;
            }
            taken[best] = true;
            chosen[i] = best;
            weights[i] = probs[offset + best];
            sum += weights[i];
        }
        if (c.expertWeightsNorm()) {
            for (int i = 0; i < k; i++) weights[i] /= sum;
        }
        float scale = c.expertWeightsScale();
        if (scale != 0.0f && scale != 1.0f) {
            for (int i = 0; i < k; i++) weights[i] *= scale;
        }
        return new Choice(chosen, weights);
    }
}
