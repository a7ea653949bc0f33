package dev.seekfix.engine.tokenizer;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.testing.Fixtures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The vocab-only fixture GGUFs, each loaded once per test JVM (the full vocabulary takes a second). */
final class FixtureTokenizers {

    static final String DEEPSEEK_LLM = "ggml-vocab-deepseek-llm.gguf";
    static final String DEEPSEEK_CODER = "ggml-vocab-deepseek-coder.gguf";
    static final String MICRO = "ggml-vocab-deepseek-llm-micro.gguf";

    private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

    private FixtureTokenizers() {
    }

    static Tokenizer load(String vocabFile) {
        var path = Fixtures.file("tokenizer/" + vocabFile); // skips the test when the fixture is absent
        return LOADED.computeIfAbsent(vocabFile, f -> {
            try (GgufFile file = GgufFile.open(path)) {
                return Tokenizer.fromGguf(file);
            }
        });
    }
}
