package dev.seekfix.engine.api;

/** The result of one {@link LanguageModel#generate} call. */
public record Completion(String text, int[] tokens, StopReason stopReason, Timings timings) {
    public Completion {
        tokens = tokens.clone();
    }
}
