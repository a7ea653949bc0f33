package dev.seekfix.engine.sampling;

import dev.seekfix.engine.api.Sampling;

import java.util.SplittableRandom;

/**
 * Picks the next token from a logit vector, as llama.cpp's default sampler chain does
 * ({@code common/sampling.cpp}: penalties → top-k → top-p → min-p → temperature → dist), with a seeded random
 * generator so that equal seeds give equal outputs. Temperature 0 is greedy: the highest logit after the
 * repetition penalty, the lowest id on ties. An optional token mask (bit {@code id} of {@code mask[id >>> 6]})
 * removes tokens before anything else, which is the same as setting their logits to -inf.
 * One sampler per generation (it owns the random state); not thread-safe.
 */
public final class TokenSampler {

    private final Sampling settings;
    private final SplittableRandom random;
    private final RecentTokens recent;
    private final Candidates candidates;

    public TokenSampler(Sampling settings, int vocabularySize) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.recent = new RecentTokens(settings.repetitionWindow());
        this.candidates = new Candidates(vocabularySize);
    }

    /** Remembers a token of the context (prompt or output) for the repetition penalty. */
    public void record(int tokenId) {
        recent.add(tokenId);
    }

    public void recordAll(int[] tokenIds) {
        for (int id : tokenIds) recent.add(id);
    }

    /**
     * The next token.
     *
     * @param logits float[vocabularySize], not modified
     * @param mask   allowed tokens, or null for all
     * @throws IllegalStateException when the mask allows no token at all (a constraint bug: fail loudly)
     */
    public int sample(float[] logits, long[] mask) {
        Candidates c = candidates;
        c.load(logits, mask);
        if (c.size == 0) {
            throw new IllegalStateException("the token mask allows no token out of " + logits.length
                    + "; the output constraint reached a dead end (an engine bug, please report it)");
        }
        applyRepetitionPenalty(c);
        if (settings.isGreedy()) return argmax(c);
        if (settings.topK() > 0) c.keepTop(settings.topK());
        if (settings.topP() < 1.0) topP(c, (float) settings.topP());
        if (settings.minP() > 0.0) minP(c, (float) settings.minP());
        float inverseTemperature = (float) (1.0 / settings.temperature());
        for (int i = 0; i < c.size; i++) c.logits[i] *= inverseTemperature;
        return draw(c);
    }

    // llama_sampler_penalties_apply: a repeated token's logit is divided by the penalty when positive,
    // multiplied by it when negative (the CTRL paper's rule)
    private void applyRepetitionPenalty(Candidates c) {
        float penalty = (float) settings.repetitionPenalty();
        if (penalty == 1.0f || recent.isEmpty()) return;
        for (int i = 0; i < c.size; i++) {
            if (recent.contains(c.ids[i])) {
                c.logits[i] = c.logits[i] <= 0 ? c.logits[i] * penalty : c.logits[i] / penalty;
            }
        }
        c.sorted = false;
    }

    private static int argmax(Candidates c) {
        int best = 0;
        for (int i = 1; i < c.size; i++) {
            if (c.logits[i] > c.logits[best] || (c.logits[i] == c.logits[best] && c.ids[i] < c.ids[best])) best = i;
        }
        return c.ids[best];
    }

    // llama_sampler_top_p_apply: the smallest prefix of the sorted distribution whose mass reaches p (min_keep 1)
    private static void topP(Candidates c, float p) {
        c.sortDescending();
        c.softmax();
        double cumulative = 0;
        for (int i = 0; i < c.size; i++) {
            cumulative += c.probs[i];
            if (cumulative >= p) {
                c.size = i + 1;
                return;
            }
        }
    }

    // llama_sampler_min_p_apply: keep tokens whose probability is at least p times the top one's,
    // compared on logits: logit >= max_logit + ln(p)
    private static void minP(Candidates c, float p) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size; i++) max = Math.max(max, c.logits[i]);
        float threshold = max + (float) Math.log(p);
        int kept = 0;
        for (int i = 0; i < c.size; i++) {
            if (c.logits[i] >= threshold) {
                c.ids[kept] = c.ids[i];
                c.logits[kept++] = c.logits[i];
            }
        }
        c.size = Math.max(1, kept); // order is preserved, so a sorted array stays sorted
    }

    // llama_sampler_dist_apply: softmax, then draw by cumulative probability
    private int draw(Candidates c) {
        c.softmax();
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < c.size; i++) {
            cumulative += c.probs[i];
            if (u < cumulative) return c.ids[i];
        }
        return c.ids[c.size - 1]; // rounding left u above the last cumulative sum
    }
}
