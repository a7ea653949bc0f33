package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.WeightMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The feed-forward half of a layer for a batch of tokens: a dense SwiGLU, or routed experts (each expert runs
 * once on the tokens that chose it, matrix-matrix) plus the shared experts, as llama.cpp's
 * {@code build_moe_ffn}: expert outputs are weighted after {@code down} and summed in selection order.
 */
final class FeedForward {

    private final DeepSeek2Config c;
    private final Kernels k;
    private final MoeRouter router;

    FeedForward(DeepSeek2Config c, Kernels k) {
        this.c = c;
        this.k = k;
        this.router = new MoeRouter(c);
    }

    /** @param h [tokens][hidden] normed; returns [tokens][hidden] */
    float[] forward(FeedForwardWeights w, float[] h, int tokens) {
        return switch (w) {
            case FeedForwardWeights.Dense d -> swiglu(d.gate(), d.up(), d.down(), h, tokens);
            case FeedForwardWeights.Moe m -> moe(m, h, tokens);
        };
    }

    private float[] swiglu(WeightMatrix gate, WeightMatrix up, WeightMatrix down, float[] h, int tokens) {
        int width = gate.rows();
        float[] g = new float[tokens * width];
        float[] u = new float[tokens * width];
        k.matmul(gate, h, tokens, g);
        k.matmul(up, h, tokens, u);
        k.siluMul(g, u, g, tokens * width);
        float[] out = new float[tokens * down.rows()];
        k.matmul(down, g, tokens, out);
        return out;
    }

    private float[] moe(FeedForwardWeights.Moe m, float[] h, int tokens) {
        int hidden = c.hidden(), experts = c.experts(), used = c.expertsUsed();
        float[] probs = new float[tokens * experts]; // [tokens][experts]
        k.matmul(m.router(), h, tokens, probs);
        MoeRouter.Choice[] choices = new MoeRouter.Choice[tokens];
        List<List<int[]>> byExpert = new ArrayList<>(); // expert → (token, slot)
        for (int e = 0; e < experts; e++) byExpert.add(new ArrayList<>());
        for (int t = 0; t < tokens; t++) {
            k.softmax(probs, t * experts, experts, 1.0f);
            choices[t] = router.choose(probs, t * experts);
            for (int s = 0; s < used; s++) byExpert.get(choices[t].experts()[s]).add(new int[]{t, s});
        }
        float[] slots = new float[tokens * used * hidden]; // [tokens][slot][hidden], weighted expert outputs
        for (int e = 0; e < experts; e++) {
            List<int[]> users = byExpert.get(e);
            if (users.isEmpty()) continue;
            int n = users.size();
            float[] x = new float[n * hidden];
            for (int i = 0; i < n; i++) System.arraycopy(h, users.get(i)[0] * hidden, x, i * hidden, hidden);
            float[] y = swiglu(m.gate().get(e), m.up().get(e), m.down().get(e), x, n);
            for (int i = 0; i < n; i++) {
                int t = users.get(i)[0], s = users.get(i)[1];
                float weight = choices[t].weights()[s];
                int dst = (t * used + s) * hidden;
                for (int j = 0; j < hidden; j++) slots[dst + j] = y[i * hidden + j] * weight;
            }
        }
        float[] out = new float[tokens * hidden];
        for (int t = 0; t < tokens; t++) {
            int o = t * hidden;
            System.arraycopy(slots, t * used * hidden, out, o, hidden);
            for (int s = 1; s < used; s++) {
                int src = (t * used + s) * hidden;
                for (int j = 0; j < hidden; j++) out[o + j] += slots[src + j];
            }
        }
        if (m.shared() != null) {
            float[] shared = swiglu(m.shared().gate(), m.shared().up(), m.shared().down(), h, tokens);
            for (int i = 0; i < out.length; i++) out[i] += shared[i];
        }
        return out;
    }
}
