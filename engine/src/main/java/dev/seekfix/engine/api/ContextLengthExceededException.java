package dev.seekfix.engine.api;

/** Prompt plus requested tokens do not fit the model's context. */
public final class ContextLengthExceededException extends EngineException {
    private final int promptTokens;
    private final int maxTokens;
    private final int contextLength;

    public ContextLengthExceededException(int promptTokens, int maxTokens, int contextLength) {
        super("prompt of %d tokens plus max_tokens %d exceeds the context of %d tokens; shorten the prompt, lower max_tokens or load the model with a larger context"
                .formatted(promptTokens, maxTokens, contextLength));
        this.promptTokens = promptTokens;
        this.maxTokens = maxTokens;
        this.contextLength = contextLength;
    }

    public int promptTokens() { return promptTokens; }
    public int maxTokens() { return maxTokens; }
    public int contextLength() { return contextLength; }
}
