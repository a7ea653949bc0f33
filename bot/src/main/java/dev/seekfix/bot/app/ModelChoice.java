package dev.seekfix.bot.app;

import java.net.URI;
import java.nio.file.Path;

/** Which model answers, from {@code SEEKFIX_MODEL}. */
public sealed interface ModelChoice {

    /** Unset: the built-in random-weight demo model seekfix writes into its data dir. */
    record Demo() implements ModelChoice {
    }

    /** A GGUF file run by the embedded engine. */
    record Gguf(Path path) implements ModelChoice {
    }

    /** {@code openai:<base-url>}: vLLM, SGLang, Ollama, the DeepSeek API. */
    record OpenAi(URI baseUrl) implements ModelChoice {
    }
}
