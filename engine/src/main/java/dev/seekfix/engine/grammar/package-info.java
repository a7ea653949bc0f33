/**
 * Constrained decoding: a JSON Schema or a GBNF grammar becomes a per-step mask over the vocabulary, so that the
 * output is always valid (design: {@code shared/docs/CONSTRAINED-DECODING.md}).
 *
 * <p>Use: once per model, {@link dev.seekfix.engine.grammar.TokenIndex#of}({@link
 * dev.seekfix.engine.grammar.GrammarVocabulary#of}(tokenizer)); per request,
 * {@code new ConstraintCompiler(index, JsonWhitespace.COMPACT).compile(constraint).newMatcher()}; per step,
 * {@link dev.seekfix.engine.grammar.TokenMatcher#fillMask}, sample, {@link dev.seekfix.engine.grammar.TokenMatcher#accept};
 * stop when {@link dev.seekfix.engine.grammar.TokenMatcher#isTerminated} (only EOS can follow: no forward pass
 * needed). {@link dev.seekfix.engine.grammar.TokenMatcher#isAllowed} checks one sampled token cheaply (the
 * optimistic check is exact for greedy and temperature-only sampling).
 *
 * <p>Pipeline: JSON Schema ({@code JsonSchemaCompiler}) or GBNF ({@code GbnfParser}) → grammar IR
 * ({@code GrammarExpr}, bytes only: Unicode classes are expanded to UTF-8 sequences, so tokens holding half a
 * character need no special case) → trimmed Thompson NFA ({@code ByteNfa}; recursive rules become calls) →
 * lazily determinised automaton ({@code LazyDfa}; a state is an int) → mask by walking the token trie
 * ({@code TokenTrie}) and skipping every subtree the automaton refuses, with a precomputed slice for JSON
 * string bodies ({@code StringSlice}) and a mask cache per automaton state ({@code TokenConstraint}).
 */
package dev.seekfix.engine.grammar;
