package dev.seekfix.engine.model.deepseek2;

/**
 * Cosines and sines of YaRN rotary embeddings for one position, as ggml computes them
 * (ggml-cpu ops.cpp {@code ggml_rope_cache_init} / {@code rope_yarn}, ggml.c {@code ggml_rope_yarn_corr_dims}):
 * the angle of pair i is {@code pos · base^(-2i/dims)} (by repeated float multiplication), interpolated
 * by {@code 1/factor} outside the correction range, with a linear ramp inside it. The magnitude correction of
 * the rotation cancels against llama.cpp's pre-scaled attn_factor (src/models/deepseek2.cpp), leaving ≈1.
 */
final class YarnRope {

    private final RopeParams p;

    YarnRope(DeepSeek2Config c) {
        this.p = RopeParams.of(c);
    }

    /** Fills {@code cos[offset …+dims/2]} and {@code sin[…]} for position {@code pos}. */
    void angles(int pos, float[] cos, float[] sin, int offset) {
        float thetaExtrap = pos;
        for (int i = 0; i < p.dims() / 2; i++) {
            float thetaInterp = p.freqScale() * thetaExtrap;
            float theta = thetaInterp;
            if (p.extFactor() != 0.0f) {
                float y = (i - p.corrLow()) / Math.max(0.001f, p.corrHigh() - p.corrLow());
                float rampMix = (1 - Math.min(1, Math.max(0, y))) * p.extFactor();
                theta = thetaInterp * (1 - rampMix) + thetaExtrap * rampMix;
            }
            cos[offset + i] = (float) Math.cos(theta) * p.mscale();
            sin[offset + i] = (float) Math.sin(theta) * p.mscale();
            thetaExtrap *= p.thetaScale();
        }
    }
}
