package dev.seekfix.engine.model;

/**
 * The seam between a model architecture's forward pass and generation: feed tokens, get next-token logits.
 * Implemented by {@code model.deepseek2.DeepSeek2Model}; used by {@code generation}.
 */
public interface CausalModel extends AutoCloseable {

    int vocabularySize();

    /** The context the architecture was trained for (GGUF {@code context_length}). */
    int trainedContextLength();

    /** A cache for one sequence of at most {@code capacity} tokens (for MLA: 576 floats per token per layer). */
    SequenceCache newCache(int capacity);

    /**
     * Runs {@code tokens} at positions {@code cache.length() … cache.length() + tokens.length - 1} as one batch
     * (prefill is matrix-matrix), appends them to the cache, and returns the logits of the last position.
     *
     * @return float[vocabularySize]
     */
    float[] forward(SequenceCache cache, int[] tokens);

    /** Name of the kernel backend in use: scalar, cpu or cuda. */
    String backendName();

    @Override
    void close();
}
