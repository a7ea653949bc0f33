package dev.seekfix.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * One generation request.
 *
 * @param maxTokens most tokens to generate (the context-length guard counts prompt plus this)
 * @param stop      strings that end generation; the stop string itself is not part of the returned text
 */
public record CompletionRequest(Prompt prompt, Sampling sampling, int maxTokens, List<String> stop,
                                OutputConstraint constraint) {

    public CompletionRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(constraint, "constraint");
        stop = List.copyOf(stop);
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1, found " + maxTokens);
    }

    public static CompletionRequest chat(List<ChatMessage> messages, int maxTokens) {
        return new CompletionRequest(new Prompt.Chat(messages), Sampling.greedy(), maxTokens, List.of(),
                OutputConstraint.NONE);
    }

    public CompletionRequest withConstraint(OutputConstraint c) {
        return new CompletionRequest(prompt, sampling, maxTokens, stop, c);
    }

    public CompletionRequest withSampling(Sampling s) {
        return new CompletionRequest(prompt, s, maxTokens, stop, constraint);
    }
}
