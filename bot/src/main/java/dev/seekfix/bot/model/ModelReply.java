package dev.seekfix.bot.model;

/** An answer and what it cost (after a repair, the usage covers both calls). */
public record ModelReply(String text, TokenUsage usage) {

    public ModelReply plus(TokenUsage earlier) {
        return new ModelReply(text, usage.plus(earlier));
    }
}
