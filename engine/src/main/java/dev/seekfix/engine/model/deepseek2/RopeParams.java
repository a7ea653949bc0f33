package dev.seekfix.engine.model.deepseek2;

/**
 * The scalars of ggml's YaRN rotary angles (ggml.c ggml_rope_yarn_corr_dims, ggml-cpu ops.cpp rope_yarn), computed
 * once per model: {@link YarnRope} turns them into cos/sin on the host, the CUDA path per position on the device.
 */
public record RopeParams(int dims, float thetaScale, float freqScale, float extFactor, float corrLow, float corrHigh,
                         float mscale) {

    public static RopeParams of(DeepSeek2Config c) {
        int dims = c.qkRopeDim();
        float thetaScale = (float) Math.pow(c.ropeBase(), -2.0f / dims);
        boolean yarn = c.ropeScalingFactor() > 1 && c.ropeOriginalContext() > 0;
        if (!yarn) return new RopeParams(dims, thetaScale, 1.0f, 0.0f, 0, 0, 1.0f);
        float freqScale = 1.0f / c.ropeScalingFactor();
        float start = (float) Math.floor(corrDim(dims, c.ropeOriginalContext(), c.yarnBetaFast(), c.ropeBase()));
        float end = (float) Math.ceil(corrDim(dims, c.ropeOriginalContext(), c.yarnBetaSlow(), c.ropeBase()));
        float attnFactor = 1.0f / (1.0f + 0.1f * (float) Math.log(1.0f / freqScale));
        float mscale = attnFactor * (1.0f + 0.1f * (float) Math.log(1.0f / freqScale));
        return new RopeParams(dims, thetaScale, freqScale, 1.0f, Math.max(0, start), Math.min(dims - 1, end), mscale);
    }

    private static float corrDim(int nDims, int nCtxOrig, float nRot, float base) {
        return nDims * (float) Math.log(nCtxOrig / (nRot * 2 * (float) Math.PI)) / (2 * (float) Math.log(base));
    }
}
