package dev.seekfix.engine.sampling;

import dev.seekfix.engine.api.Sampling;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSamplerTest {

    private static Sampling sampling(double temperature, int topK, double topP, double minP, double penalty, long seed) {
        return new Sampling(temperature, topK, topP, minP, penalty, 64, seed);
    }

    private static long[] maskOf(int vocabulary, int... allowed) {
        long[] mask = new long[(vocabulary + 63) / 64];
        for (int id : allowed) mask[id >>> 6] |= 1L << id;
        return mask;
    }

    @Test
    void greedyTakesTheHighestLogit() {
        TokenSampler s = new TokenSampler(Sampling.greedy(), 5);
        assertThat(s.sample(new float[] {0.1f, 2.5f, -1f, 2.4f, 0f}, null)).isEqualTo(1);
    }

    @Test
    void greedyBreaksTiesTowardsTheLowestId() {
        TokenSampler s = new TokenSampler(Sampling.greedy(), 6);
        assertThat(s.sample(new float[] {0f, 1f, 3f, 0f, 3f, 3f}, null)).isEqualTo(2);
    }

    @Test
    void maskedTokensAreNeverChosenEvenWhenTheyWin() {
        TokenSampler s = new TokenSampler(Sampling.greedy(), 70);
        float[] logits = new float[70];
        logits[3] = 10f;
        logits[65] = 1f;
        logits[66] = 2f;
        assertThat(s.sample(logits, maskOf(70, 65, 66))).isEqualTo(66);
        TokenSampler hot = new TokenSampler(sampling(2.0, 0, 1.0, 0.0, 1.0, 7), 70);
        for (int i = 0; i < 200; i++) assertThat(hot.sample(logits, maskOf(70, 65, 66))).isIn(65, 66);
    }

    @Test
    void anEmptyMaskIsAnErrorNotASilentChoice() {
        TokenSampler s = new TokenSampler(Sampling.greedy(), 4);
        assertThatThrownBy(() -> s.sample(new float[] {1, 2, 3, 4}, new long[1]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("allows no token");
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogits() {
        // token 0 (logit 3) was seen: 3 / 2 = 1.5 < 2 (token 1) — the greedy choice moves to token 1
        TokenSampler s = new TokenSampler(sampling(0, 0, 1.0, 0.0, 2.0, 0), 3);
        s.record(0);
        assertThat(s.sample(new float[] {3f, 2f, -5f}, null)).isEqualTo(1);
        // a negative seen logit gets more negative: -1 * 2 = -2 < -1.5
        TokenSampler t = new TokenSampler(sampling(0, 0, 1.0, 0.0, 2.0, 0), 2);
        t.record(0);
        assertThat(t.sample(new float[] {-1f, -1.5f}, null)).isEqualTo(1);
    }

    @Test
    void repetitionPenaltyForgetsTokensOutsideItsWindow() {
        TokenSampler s = new TokenSampler(new Sampling(0, 0, 1.0, 0.0, 2.0, 2, 0), 3);
        s.record(0);
        s.record(2);
        s.record(2); // token 0 left the window of 2
        assertThat(s.sample(new float[] {3f, 2f, -5f}, null)).isEqualTo(0);
    }

    @Test
    void topKOfOneIsGreedyAtAnyTemperature() {
        TokenSampler s = new TokenSampler(sampling(5.0, 1, 1.0, 0.0, 1.0, 3), 4);
        for (int i = 0; i < 100; i++) assertThat(s.sample(new float[] {1f, 4f, 3.9f, 0f}, null)).isEqualTo(1);
    }

    @Test
    void topPKeepsTheSmallestSetThatReachesP() {
        // probabilities ≈ 0.665, 0.245, 0.090: p = 0.6 keeps only the first, p = 0.9 the first two
        float[] logits = {2f, 1f, 0f};
        TokenSampler narrow = new TokenSampler(sampling(1.0, 0, 0.6, 0.0, 1.0, 11), 3);
        for (int i = 0; i < 200; i++) assertThat(narrow.sample(logits, null)).isEqualTo(0);
        TokenSampler wide = new TokenSampler(sampling(1.0, 0, 0.9, 0.0, 1.0, 11), 3);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) seen.add(wide.sample(logits, null));
        assertThat(seen).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void minPDropsTokensFarBelowTheBest() {
        // min-p 0.2: keep p >= 0.2 · p_max, i.e. logit >= max + ln 0.2 = max − 1.61
        float[] logits = {5f, 4f, 3f, 0f};
        TokenSampler s = new TokenSampler(sampling(1.0, 0, 1.0, 0.2, 1.0, 5), 4);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) seen.add(s.sample(logits, null));
        assertThat(seen).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void temperatureSamplingFollowsTheSoftmax() {
        float[] logits = {0f, (float) Math.log(3)}; // p = 0.25, 0.75
        TokenSampler s = new TokenSampler(sampling(1.0, 0, 1.0, 0.0, 1.0, 99), 2);
        int ones = 0, n = 20000;
        for (int i = 0; i < n; i++) ones += s.sample(logits, null);
        assertThat(ones / (double) n).isBetween(0.73, 0.77);
    }

    @Test
    void equalSeedsGiveEqualSequencesAndOtherSeedsDiffer() {
        float[] logits = new float[1000];
        for (int i = 0; i < logits.length; i++) logits[i] = (float) Math.sin(i * 0.37) * 2;
        int[] a = draw(42, logits), b = draw(42, logits), c = draw(43, logits);
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void topKSelectionMatchesAFullSortOnALargeVocabulary() {
        float[] logits = new float[102400];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < logits.length; i++) logits[i] = (float) r.nextGaussian() * 3;
        logits[500] = logits[777] = 100f; // a tie at the top: both must be kept, lower id first
        Candidates c = new Candidates(logits.length);
        c.load(logits, null);
        c.keepTop(40);
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> logits[x] != logits[y] ? Float.compare(logits[y], logits[x]) : Integer.compare(x, y));
        for (int i = 0; i < 40; i++) {
            assertThat(c.ids[i]).as("rank %d", i).isEqualTo(order[i]);
            assertThat(c.logits[i]).isEqualTo(logits[order[i]]);
        }
        assertThat(c.size).isEqualTo(40);
    }

    private static int[] draw(long seed, float[] logits) {
        TokenSampler s = new TokenSampler(sampling(0.8, 40, 0.95, 0.05, 1.0, seed), logits.length);
        int[] out = new int[50];
        for (int i = 0; i < out.length; i++) out[i] = s.sample(logits, null);
        return out;
    }
}
