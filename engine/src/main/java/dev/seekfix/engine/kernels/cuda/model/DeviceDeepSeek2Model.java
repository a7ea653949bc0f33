package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.api.ContextLengthExceededException;
import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.cuda.device.CudaContext;
import dev.seekfix.engine.kernels.cuda.plan.DeviceWorkspace;
import dev.seekfix.engine.kernels.cuda.plan.LatentCacheLayout;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;
import dev.seekfix.engine.tensor.GgmlType;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;

/**
 * DeepSeek-V2 resident on one GPU: weights uploaded once, MLA caches in device memory, prompts in batches through
 * cuBLAS, and each single-token step replayed from a CUDA graph captured on the cache's first step (launch overhead
 * would otherwise dominate at batch 1: ~20 launches per layer). Owns its {@link CudaContext}.
 */
public final class DeviceDeepSeek2Model implements CausalModel {

    /** Preferred prompt batch; smaller when the attention scratch of a long context would not fit. */
    static final int PREFILL_BATCH = 256;
    /** Device memory the batch workspace may take. */
    static final long WORKSPACE_BUDGET = 2L << 30;

    private final CudaContext ctx;
    private final DeepSeek2Config config;
    private final DeviceWeights weights;
    private final Workspace workspace;
    private final ForwardPass pass;
    private final int capacity;
    private final int batch;
    private final Arena derived;
    private final List<DeviceLatentCache> caches = new ArrayList<>();

    private DeviceDeepSeek2Model(CudaContext ctx, DeepSeek2Config config, DeviceWeights weights, int capacity, Arena derived) {
        this.ctx = ctx;
        this.config = config;
        this.weights = weights;
        this.capacity = capacity;
        this.derived = derived;
        if (config.experts() > 0 && 2 * config.expertsUsed() > config.experts()) {
            throw new ModelFormatException("expert_used_count " + config.expertsUsed() + " is more than half of expert_count "
                    + config.experts() + "; the CUDA path does not support such routing");
        }
        if (config.expertGroupCount() > 32) {
            throw new ModelFormatException("expert_group_count " + config.expertGroupCount() + " exceeds the 32 groups the "
                    + "routing kernel supports");
        }
        if (config.experts() > dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry.MOE_MAX_EXPERTS) {
            throw new ModelFormatException(config.experts() + " routed experts exceed the routing kernel's "
                    + dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry.MOE_MAX_EXPERTS);
        }
        this.batch = DeviceWorkspace.prefillBatch(config, capacity, PREFILL_BATCH, WORKSPACE_BUDGET);
        this.workspace = new Workspace(ctx, DeviceWorkspace.of(config, batch, capacity), config.heads());
        this.pass = new ForwardPass(ctx, config, weights, workspace);
    }

    /** @param contextLength tokens per cache; 0 = min(the model's, 4096) */
    public static DeviceDeepSeek2Model load(GgufFile file, CudaContext ctx, int contextLength) {
        String arch = file.metadata().getString("general.architecture", "<missing>");
        if (!arch.equals("deepseek2")) {
            throw new ModelFormatException(file.path().getFileName() + ": general.architecture is '" + arch
                    + "'; seekfix runs 'deepseek2' models");
        }
        int vocab = Math.toIntExact(file.tensor(dev.seekfix.engine.model.deepseek2.TensorNames.TOKEN_EMBD).ne(1));
        DeepSeek2Config config = DeepSeek2Config.from(file.metadata(), vocab);
        Arena derived = Arena.ofShared();
        DeviceWeights weights = null;
        try {
            weights = DeviceWeights.upload(ctx, file, config, derived);
            return new DeviceDeepSeek2Model(ctx, config, weights, capacity(config, contextLength), derived);
        } catch (RuntimeException e) {
            if (weights != null) weights.close();
            derived.close();
            throw e;
        }
    }

    /** A model of {@code config}'s shapes with random weights generated on the device (benchmarks). */
    public static DeviceDeepSeek2Model random(CudaContext ctx, DeepSeek2Config config, GgmlType type, int contextLength, int seed) {
        DeviceWeights weights = DeviceWeights.random(ctx, config, type, seed);
        try {
            return new DeviceDeepSeek2Model(ctx, config, weights, capacity(config, contextLength), Arena.ofShared());
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    private static int capacity(DeepSeek2Config c, int contextLength) {
        return contextLength > 0 ? contextLength : Math.min(c.contextLength(), 4096);
    }

    public DeepSeek2Config config() { return config; }

    public DeviceWeights weights() { return weights; }

    public CudaContext context() { return ctx; }

    @Override
    public int vocabularySize() { return config.vocabularySize(); }

    @Override
    public int trainedContextLength() { return config.contextLength(); }

    @Override
    public SequenceCache newCache(int capacity) {
        if (capacity <= 0 || capacity > this.capacity) {
            throw new IllegalArgumentException("cache capacity must be 1…" + this.capacity + " (the context this model's "
                    + "device workspace was planned for), got " + capacity + "; load the model with a larger context length");
        }
        // every cache is planned at the workspace's capacity: attention launches are sized by it
        DeviceLatentCache cache = new DeviceLatentCache(ctx, new LatentCacheLayout(config.layers(), this.capacity, config.cacheWidth()));
        caches.add(cache);
        return new BoundedCache(cache, capacity);
    }

    /** A device cache that refuses tokens beyond the capacity the caller asked for. */
    private record BoundedCache(DeviceLatentCache cache, int capacity) implements SequenceCache {
        @Override
        public int length() { return cache.length(); }

        @Override
        public void truncate(int length) { cache.truncate(length); }
    }

    @Override
    public float[] forward(SequenceCache sequenceCache, int[] tokens) {
        if (!(sequenceCache instanceof BoundedCache bounded) || !caches.contains(bounded.cache())) {
            throw new IllegalArgumentException("cache was not made by this model's newCache");
        }
        DeviceLatentCache cache = bounded.cache();
        if (tokens.length == 0) throw new IllegalArgumentException("no tokens to run");
        if (cache.length() + tokens.length > bounded.capacity()) {
            throw new ContextLengthExceededException(cache.length(), tokens.length, bounded.capacity());
        }
        for (int t : tokens) {
            if (t < 0 || t >= config.vocabularySize()) {
                throw new IllegalArgumentException("token id " + t + " outside the vocabulary of " + config.vocabularySize());
            }
        }
        for (int from = 0; from < tokens.length; from += batch) {
            int n = Math.min(batch, tokens.length - from);
            ctx.upload(java.util.Arrays.copyOfRange(tokens, from, from + n), n, workspace.tokens);
            ctx.upload(new int[]{cache.length()}, 1, workspace.start);
            if (n == 1) {
                if (cache.decodeGraph == null) cache.decodeGraph = ctx.capture(() -> pass.encode(cache, 1));
                cache.decodeGraph.launch();
            } else {
                pass.encode(cache, n);
            }
            cache.advance(n);
        }
        float[] logits = new float[config.vocabularySize()];
        ctx.download(workspace.logits, logits, 0, logits.length);
        return logits;
    }

    @Override
    public String backendName() {
        return "cuda";
    }

    @Override
    public void close() {
        for (DeviceLatentCache c : caches) c.close();
        caches.clear();
        workspace.close();
        weights.close();
        if (derived.scope().isAlive()) derived.close();
        ctx.close();
    }
}
