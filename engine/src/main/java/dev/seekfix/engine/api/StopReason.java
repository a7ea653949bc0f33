package dev.seekfix.engine.api;

/** Why generation ended. */
public enum StopReason {
    /** The model produced its end-of-sequence token. */
    END_OF_SEQUENCE,
    /** A stop string appeared in the output. */
    STOP_STRING,
    /** {@code maxTokens} were generated. */
    MAX_TOKENS,
    /** The constraint accepted a complete output and allows nothing more. */
    CONSTRAINT_COMPLETE
}
