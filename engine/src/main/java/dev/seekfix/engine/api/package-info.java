/**
 * The engine's public API: load a DeepSeek-V2 GGUF model, tokenize, generate with messages, constraints and
 * sampling settings. This is the only package other modules may use.
 */
package dev.seekfix.engine.api;
