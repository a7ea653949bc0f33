package dev.seekfix.engine.api;

/**
 * Restricts which tokens may be sampled so that the output is always valid: the engine masks every token that
 * would leave the language of the constraint, and stops when the output is complete.
 */
public sealed interface OutputConstraint {

    /** No restriction. */
    record None() implements OutputConstraint {
    }

    /** Output is one JSON value valid for this JSON Schema (draft 2020-12 subset; unsupported keywords are an error). */
    record JsonSchema(String schema) implements OutputConstraint {
    }

    /** Output matches this GBNF-like grammar (llama.cpp's grammar syntax, root rule {@code root}). */
    record Grammar(String gbnf) implements OutputConstraint {
    }

    OutputConstraint NONE = new None();
}
