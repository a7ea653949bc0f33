package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.api.ContextLengthExceededException;
import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;
import dev.seekfix.engine.tensor.Dequantizer;

import java.lang.foreign.Arena;

/**
 * DeepSeek-V2 / Coder-V2 forward pass over a mapped GGUF (ENGINE.md "Forward pass"; fixture README section 5).
 * Prompts run as batches (every projection is a matrix-matrix product); decoding reuses the MLA cache.
 * The model does not own the {@link GgufFile} or the {@link Kernels}: whoever opened them closes them.
 */
public final class DeepSeek2Model implements CausalModel {

    /** Tokens per batch in {@link #forward}: bounds the temporary buffers of long prompts. */
    static final int MAX_BATCH = 256;

    private final DeepSeek2Config config;
    private final DeepSeek2Weights weights;
    private final Kernels kernels;
    private final Arena derived;
    private final YarnRope rope;
    private final MlaAttention attention;
    private final FeedForward feedForward;

    private DeepSeek2Model(DeepSeek2Config config, DeepSeek2Weights weights, Kernels kernels, Arena derived) {
        this.config = config;
        this.weights = weights;
        this.kernels = kernels;
        this.derived = derived;
        this.rope = new YarnRope(config);
        this.attention = new MlaAttention(config, kernels);
        this.feedForward = new FeedForward(config, kernels);
    }

    /** Reads the config, checks and maps every weight; fails with a {@link ModelFormatException} that names the problem. */
    public static DeepSeek2Model load(GgufFile file, Kernels kernels) {
        String arch = file.metadata().getString("general.architecture", "<missing>");
        if (!arch.equals(DeepSeek2Config.ARCH)) {
            throw new ModelFormatException(file.path().getFileName() + ": general.architecture is '" + arch
                    + "'; seekfix runs 'deepseek2' models (DeepSeek-V2, V2-Lite, Coder-V2, Coder-V2-Lite)");
        }
        int vocab = Math.toIntExact(file.tensor(TensorNames.TOKEN_EMBD).ne(1));
        DeepSeek2Config config = DeepSeek2Config.from(file.metadata(), vocab);
        Arena derived = Arena.ofShared();
        try {
            return new DeepSeek2Model(config, DeepSeek2Weights.load(file, config, derived), kernels, derived);
        } catch (RuntimeException e) {
            derived.close();
            throw e;
        }
    }

    public DeepSeek2Config config() { return config; }

    @Override
    public int vocabularySize() { return config.vocabularySize(); }

    @Override
    public int trainedContextLength() { return config.contextLength(); }

    @Override
    public SequenceCache newCache(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("cache capacity must be positive, got " + capacity);
        return new MlaCache(config.layers(), capacity, config.cacheWidth());
    }

    @Override
    public float[] forward(SequenceCache sequenceCache, int[] tokens) {
        if (!(sequenceCache instanceof MlaCache cache) || cache.layers.length != config.layers()
                || cache.width != config.cacheWidth()) {
            throw new IllegalArgumentException("cache was not made by this model's newCache");
        }
        if (tokens.length == 0) throw new IllegalArgumentException("no tokens to run");
        if (cache.length() + tokens.length > cache.capacity()) {
            throw new ContextLengthExceededException(cache.length(), tokens.length, cache.capacity());
        }
        for (int t : tokens) {
            if (t < 0 || t >= config.vocabularySize()) {
                throw new IllegalArgumentException("token id " + t + " outside the vocabulary of " + config.vocabularySize());
            }
        }
        float[] last = null;
        for (int from = 0; from < tokens.length; from += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, tokens.length - from);
            last = batch(cache, java.util.Arrays.copyOfRange(tokens, from, from + n));
        }
        return last;
    }

    /** Runs one batch and returns the logits of its last token. */
    private float[] batch(MlaCache cache, int[] tokens) {
        int n = tokens.length, hidden = config.hidden(), start = cache.length(), half = config.qkRopeDim() / 2;
        float[] x = new float[n * hidden]; // [tokens][hidden], the residual stream
        WeightMatrix embd = weights.tokenEmbedding();
        for (int t = 0; t < n; t++) {
            Dequantizer.dequantize(embd.type(), embd.data(), tokens[t] * embd.rowBytes(), x, t * hidden, hidden);
        }
        float[] cos = new float[n * half], sin = new float[n * half]; // [tokens][qkRope/2]
        for (int t = 0; t < n; t++) rope.angles(start + t, cos, sin, t * half);

        float[] h = new float[n * hidden];
        for (int l = 0; l < config.layers(); l++) {
            LayerWeights w = weights.layers().get(l);
            kernels.rmsnorm(h, 0, x, 0, hidden, n, hidden, w.attnNorm(), config.rmsEps());
            float[] attn = attention.forward(w, h, n, start, cache.layers[l], cos, sin);
            for (int i = 0; i < x.length; i++) x[i] += attn[i];
            kernels.rmsnorm(h, 0, x, 0, hidden, n, hidden, w.ffnNorm(), config.rmsEps());
            float[] ffn = feedForward.forward(w.ffn(), h, n);
            for (int i = 0; i < x.length; i++) x[i] += ffn[i];
        }
        cache.advance(n);
        float[] normed = new float[hidden];
        kernels.rmsnorm(normed, 0, x, (n - 1) * hidden, hidden, 1, hidden, weights.outputNorm(), config.rmsEps());
        float[] logits = new float[config.vocabularySize()];
        kernels.matmul(weights.output(), normed, 1, logits);
        return logits;
    }

    @Override
    public String backendName() {
        return kernels.name();
    }

    @Override
    public void close() {
        if (derived.scope().isAlive()) derived.close();
    }
}
