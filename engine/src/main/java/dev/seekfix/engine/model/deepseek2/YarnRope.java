package dev.seekfix.engine.model.deepseek2;

/**
 * Cosines and sines of YaRN rotary embeddings for one position, as ggml computes them
 * (ggml-cpu ops.cpp {@code ggml_rope_cache_init} / {@code rope_yarn}, ggml.c {@code ggml_rope_yarn_corr_dims}):
 * the angle of pair i is {@code pos · base^(-2i/dims)} (by repeated float multiplication), interpolated
 * by {@code 1/factor} outside the correction range, with a linear ramp inside it. The magnitude correction of
 * the rotation cancels against llama.cpp's pre-scaled attn_factor (src/models/deepseek2.cpp), leaving ≈1.
 */
final class YarnRope {

    private final int dims;
    private final float thetaScale;
    private final float freqScale;
    private final float extFactor;
    private final float corrLow;
    private final float corrHigh;
    private final float mscale;

    YarnRope(DeepSeek2Config c) {
        this.dims = c.qkRopeDim();
        this.thetaScale = (float) Math.pow(c.ropeBase(), -2.0f / dims);
        boolean yarn = c.ropeScalingFactor() > 1 && c.ropeOriginalContext() > 0;
        this.freqScale = yarn ? 1.0f / c.ropeScalingFactor() : 1.0f;
        this.extFactor = yarn ? 1.0f : 0.0f;
        if (yarn) {
            float start = (float) Math.floor(corrDim(dims, c.ropeOriginalContext(), c.yarnBetaFast(), c.ropeBase()));
            float end = (float) Math.ceil(corrDim(dims, c.ropeOriginalContext(), c.yarnBetaSlow(), c.ropeBase()));
            this.corrLow = Math.max(0, start);
            this.corrHigh = Math.min(dims - 1, end);
            float attnFactor = 1.0f / (1.0f + 0.1f * (float) Math.log(1.0f / freqScale));
            this.mscale = attnFactor * (1.0f + 0.1f * (float) Math.log(1.0f / freqScale));
        } else {
            this.corrLow = 0;
            this.corrHigh = 0;
            this.mscale = 1.0f;
        }
    }

    private static float corrDim(int nDims, int nCtxOrig, float nRot, float base) {
        return nDims * (float) Math.log(nCtxOrig / (nRot * 2 * (float) Math.PI)) / (2 * (float) Math.log(base));
    }

    /** Fills {@code cos[offset …+dims/2]} and {@code sin[…]} for position {@code pos}. */
    void angles(int pos, float[] cos, float[] sin, int offset) {
        float thetaExtrap = pos;
        for (int i = 0; i < dims / 2; i++) {
            float thetaInterp = freqScale * thetaExtrap;
            float theta = thetaInterp;
            if (extFactor != 0.0f) {
                float y = (i - corrLow) / Math.max(0.001f, corrHigh - corrLow);
                float rampMix = (1 - Math.min(1, Math.max(0, y))) * extFactor;
                theta = thetaInterp * (1 - rampMix) + thetaExtrap * rampMix;
            }
            cos[offset + i] = (float) Math.cos(theta) * mscale;
            sin[offset + i] = (float) Math.sin(theta) * mscale;
            thetaExtrap *= thetaScale;
        }
    }
}
