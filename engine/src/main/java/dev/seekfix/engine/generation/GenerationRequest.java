package dev.seekfix.engine.generation;

import dev.seekfix.engine.api.Sampling;
import dev.seekfix.engine.grammar.TokenMatcher;

import java.util.List;
import java.util.Optional;

/**
 * One generation over prompt token ids.
 *
 * @param prompt     token ids, BOS included when the model wants one
 * @param constraint a fresh matcher of a compiled output constraint, or empty for free text
 */
public record GenerationRequest(int[] prompt, Sampling sampling, int maxTokens, List<String> stop,
                                Optional<TokenMatcher> constraint) {

    public GenerationRequest {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt has no tokens; at least one is needed");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1, found " + maxTokens);
        prompt = prompt.clone();
        stop = List.copyOf(stop);
    }
}
