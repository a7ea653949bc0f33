package dev.seekfix.engine.model.deepseek2;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoeRouterTest {

    private static DeepSeek2Config config(int experts, int used, int groups, int groupsUsed, boolean norm, float scale) {
        return new DeepSeek2Config(1, 8, 1, 10, 100, 0, 4, 4, 2, 4, true, 0, 0, experts, used, 0, 8, scale, norm,
                groups, groupsUsed, 10000f, 1f, 0, 32f, 1f, 0f, 1e-6f);
    }

    @Test
    void greedyTakesTheLargestProbabilitiesUnnormalisedAndLowerIdOnTies() {
        MoeRouter r = new MoeRouter(config(6, 2, 1, 1, false, 1f));
        MoeRouter.Choice c = r.choose(new float[]{0.1f, 0.3f, 0.05f, 0.3f, 0.2f, 0.05f}, 0);
        assertThat(c.experts()).containsExactly(1, 3);
        assertThat(c.weights()).containsExactly(0.3f, 0.3f);
    }

    @Test
    void groupLimitedKeepsTheGroupsWithTheLargestMaximum() {
        // 4 groups of 2: group maxima 0.30 (g0), 0.25 (g1), 0.20 (g2), 0.05 (g3); sum-of-top-2 would prefer g2
        float[] p = {0.30f, 0.00f, 0.25f, 0.00f, 0.20f, 0.15f, 0.05f, 0.05f};
        MoeRouter r = new MoeRouter(config(8, 3, 4, 2, false, 16f));
        MoeRouter.Choice c = r.choose(p, 0);
        assertThat(c.experts()).containsExactly(0, 2, 1);
        assertThat(c.weights()[0]).isEqualTo(0.30f * 16f);
    }

    @Test
    void renormalisesWhenAsked() {
        MoeRouter r = new MoeRouter(config(4, 2, 1, 1, true, 1f));
        MoeRouter.Choice c = r.choose(new float[]{0.4f, 0.1f, 0.2f, 0.3f}, 0);
        assertThat(c.experts()).containsExactly(0, 3);
        assertThat(c.weights()[0] + c.weights()[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    }
}
