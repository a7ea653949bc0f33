package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.Product;
import dev.seekfix.engine.kernels.WeightMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The feed-forward half of a layer for a batch of tokens: a dense SwiGLU, or routed experts (each expert runs
 * once on the tokens that chose it, matrix-matrix; a single token's experts run together) plus the shared experts,
 * as llama.cpp's {@code build_moe_ffn}: expert outputs are weighted after {@code down} and summed in selection order.
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
        int experts = c.experts();
        float[] probs = new float[tokens * experts]; // [tokens][experts]
        k.matmul(m.router(), h, tokens, probs);
        MoeRouter.Choice[] choices = new MoeRouter.Choice[tokens];
        for (int t = 0; t < tokens; t++) {
            k.softmax(probs, t * experts, experts, 1.0f);
            choices[t] = router.choose(probs, t * experts);
        }
        return tokens == 1 ? decodeExperts(m, h, choices[0]) : batchExperts(m, h, tokens, choices);
    }

    /** Each chosen expert once over all the tokens that chose it (matrix-matrix), then the shared experts. */
    private float[] batchExperts(FeedForwardWeights.Moe m, float[] h, int tokens, MoeRouter.Choice[] choices) {
        int hidden = c.hidden(), experts = c.experts(), used = c.expertsUsed();
        List<List<int[]>> byExpert = new ArrayList<>(); // expert → (token, slot)
        for (int e = 0; e < experts; e++) byExpert.add(new ArrayList<>());
        for (int t = 0; t < tokens; t++) {
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

    /**
     * One token (decoding): the gate and up products of every chosen expert and of the shared experts run as one
     * kernel call and all their downs as another, instead of three small products per expert. The outputs are
     * weighted and summed exactly as {@link #batchExperts} does, so both paths give the same bits.
     */
    private float[] decodeExperts(FeedForwardWeights.Moe m, float[] h, MoeRouter.Choice choice) {
        int hidden = c.hidden(), used = c.expertsUsed(), width = m.gate().rows();
        FeedForwardWeights.Dense shared = m.shared();
        int sharedWidth = shared == null ? 0 : shared.gate().rows();
        int all = used * width + sharedWidth;
        float[] g = new float[all]; // [used][width] then [sharedWidth]
        float[] u = new float[all]; // likewise
        List<Product> gateUp = new ArrayList<>(2 * used + 2);
        for (int s = 0; s < used; s++) {
            int e = choice.experts()[s];
            gateUp.add(new Product(m.gate().get(e), h, 0, g, s * width));
            gateUp.add(new Product(m.up().get(e), h, 0, u, s * width));
        }
        if (shared != null) {
            gateUp.add(new Product(shared.gate(), h, 0, g, used * width));
            gateUp.add(new Product(shared.up(), h, 0, u, used * width));
        }
        k.matmulEach(gateUp);
        k.siluMul(g, u, g, all); // element-wise, so one call covers every expert's slice

        float[] y = new float[(used + 1) * hidden]; // [used][hidden] then the shared experts' [hidden]
        List<Product> downs = new ArrayList<>(used + 1);
        for (int s = 0; s < used; s++) downs.add(new Product(m.down().get(choice.experts()[s]), g, s * width, y, s * hidden));
        if (shared != null) downs.add(new Product(shared.down(), g, used * width, y, used * hidden));
        k.matmulEach(downs);

        // weighted after down, summed in selection order, then the shared output added (build_moe_ffn's order)
        float[] out = new float[hidden];
        for (int s = 0; s < used; s++) {
            float weight = choice.weights()[s];
            int src = s * hidden;
            if (s == 0) {
                for (int j = 0; j < hidden; j++) out[j] = y[j] * weight;
            } else {
                for (int j = 0; j < hidden; j++) out[j] += y[src + j] * weight;
            }
        }
        if (shared != null) {
            for (int j = 0; j < hidden; j++) out[j] += y[used * hidden + j];
        }
        return out;
    }
}
