/**
 * DeepSeek's byte-level BPE tokenizer, read from a GGUF's {@code tokenizer.*} keys and reproducing llama.cpp's
 * token ids: {@link dev.seekfix.engine.tokenizer.Tokenizer} (encode, decode, streaming decode),
 * {@link dev.seekfix.engine.tokenizer.Vocabulary} (per-token bytes, type and whether it is text, for constrained
 * decoding) and {@link dev.seekfix.engine.tokenizer.PreTokenizer} (the {@code deepseek-llm} and
 * {@code deepseek-coder} regex lists).
 */
package dev.seekfix.engine.tokenizer;
