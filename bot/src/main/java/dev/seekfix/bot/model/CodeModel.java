package dev.seekfix.bot.model;

/**
 * The bot's model seam: chat messages, optionally bound to a JSON schema, in; text out. Implementations are
 * thread-safe. Everything the bot posts names {@link #label()} and the tokens the answer cost.
 */
public interface CodeModel {

    /** Runs one completion. Throws {@link ModelException} when the backend cannot answer. */
    ModelReply complete(ModelRequest request);

    /** What produced the answer, as shown to users, e.g. {@code deepseek-coder-v2-lite (embedded, cuda)}. */
    String label();

    /** Tokens of context the backend accepts (prompt plus answer). */
    int contextTokens();

    /** What {@code text} costs in a prompt; backends without a tokenizer estimate it from the length. */
    int countTokens(String text);
}
