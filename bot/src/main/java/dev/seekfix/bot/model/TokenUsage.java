package dev.seekfix.bot.model;

/** Tokens spent on model calls: summed over every call of a task and shown in what it posts. */
public record TokenUsage(long promptTokens, long completionTokens, int calls) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public static TokenUsage ofOneCall(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, 1);
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                calls + other.calls);
    }

    public long total() {
        return promptTokens + completionTokens;
    }
}
