package dev.seekfix.engine.grammar;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/** DeepSeek-LLM's 102,400-token vocabulary from the vocab-only GGUF fixture, loaded once per test JVM. */
final class FixtureVocabulary {

    private static Tokenizer tokenizer;
    private static GrammarVocabulary vocabulary;

    private FixtureVocabulary() {
    }

    /** The tokenizer, or the test is skipped when the fixture is absent. */
    static synchronized Tokenizer deepSeekTokenizer() {
        if (tokenizer == null) {
            String root = System.getProperty("seekfix.fixtures", "../../shared/fixtures");
            Path file = Path.of(root, "engine", "tokenizer", "ggml-vocab-deepseek-llm.gguf");
            assumeTrue(Files.isRegularFile(file), "fixture " + file + " is absent; set -Dseekfix.fixtures");
            try (GgufFile gguf = GgufFile.open(file)) {
                tokenizer = Tokenizer.fromGguf(gguf);
            }
        }
        return tokenizer;
    }

    static synchronized GrammarVocabulary deepSeek() {
        if (vocabulary == null) {
            vocabulary = GrammarVocabulary.of(deepSeekTokenizer());
        }
        return vocabulary;
    }
}
