package dev.seekfix.engine.model;

/** The per-sequence state a {@link CausalModel} keeps between calls (for DeepSeek-V2: the MLA latent cache). */
public interface SequenceCache {

    /** Tokens stored so far. */
    int length();

    int capacity();

    /** Forgets everything from position {@code length} on (to reuse a shared prompt prefix). */
    void truncate(int length);
}
