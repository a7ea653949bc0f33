package dev.seekfix.engine.grammar;

/**
 * How much whitespace a JSON-schema constraint lets the model write between tokens. Every choice is bounded:
 * unbounded whitespace traps models in loops of spaces (Outlines PR #916, vLLM PR #44619).
 */
public enum JsonWhitespace {
    /** No whitespace, except one optional space before the root value (DeepSeek's ` {"` is one token). */
    COMPACT,
    /**
     * llama.cpp's {@code space ::= | " " | "\n"{1,2} [ \t]{0,20}} after each structural element and value
     * ({@code common/json-schema-to-grammar.cpp}): room to pretty-print, at most 22 bytes per place.
     */
    FLEXIBLE
}
