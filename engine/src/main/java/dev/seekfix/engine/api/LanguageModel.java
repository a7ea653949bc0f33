package dev.seekfix.engine.api;

/**
 * A loaded model, ready to tokenize and generate. Thread-safe: concurrent {@link #generate} calls are queued or
 * batched by the implementation. Closing it releases the mapped weights and caches.
 */
public interface LanguageModel extends AutoCloseable {

    ModelInfo info();

    /** Token ids of {@code text}; special-token text is not parsed. A BOS is prepended only when asked. */
    int[] tokenize(String text, boolean addBos);

    /** Text of {@code ids}; pieces that are partial UTF-8 are joined before decoding. */
    String detokenize(int[] ids);

    /** How many tokens {@code text} costs in a prompt (no BOS). */
    default int countTokens(String text) {
        return tokenize(text, false).length;
    }

    /**
     * Runs one completion to its end: prefill, then decode until EOS, a stop string, {@code maxTokens} or the
     * constraint's accepting end. Each produced token is passed to {@code sink} as soon as it is sampled.
     *
     * @throws ContextLengthExceededException when prompt plus {@code maxTokens} does not fit the context
     */
    Completion generate(CompletionRequest request, TokenSink sink);

    default Completion generate(CompletionRequest request) {
        return generate(request, TokenSink.NONE);
    }

    @Override
    void close();
}
