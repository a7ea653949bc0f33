package dev.seekfix.engine.api;

/** Receives tokens as they are generated (streaming). {@code text} is the decoded text they complete, may be empty. */
@FunctionalInterface
public interface TokenSink {
    void accept(int tokenId, String text);

    TokenSink NONE = (id, text) -> { };
}
