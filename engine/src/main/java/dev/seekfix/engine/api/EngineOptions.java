package dev.seekfix.engine.api;

/**
 * How to load a model.
 *
 * @param threads       worker threads for CPU kernels; 0 means one per available processor
 * @param contextLength tokens of context to allocate caches for; 0 means min(the model's, 4096)
 * @param weights       mapped from the file or read into memory
 */
public record EngineOptions(Backend backend, int threads, int contextLength, WeightStorage weights) {
    public EngineOptions {
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, found " + threads);
        if (contextLength < 0) throw new IllegalArgumentException("contextLength must be >= 0, found " + contextLength);
        java.util.Objects.requireNonNull(weights, "weights");
    }

    /** Mapped weights. */
    public EngineOptions(Backend backend, int threads, int contextLength) {
        this(backend, threads, contextLength, WeightStorage.MAPPED);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Backend.AUTO, 0, 0);
    }
}
