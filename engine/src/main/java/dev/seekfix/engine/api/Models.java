package dev.seekfix.engine.api;

import java.nio.file.Path;

/**
 * Loads GGUF models. Other modules obtain the engine's implementation through {@link #local()} and never name
 * classes outside this package.
 */
public interface Models {

    /** Maps {@code gguf} and prepares it to run on the backend {@code options} asks for. */
    LanguageModel load(Path gguf, EngineOptions options);

    /** The in-process engine. (Implemented by the engine's runtime package; wired when it lands.) */
    static Models local() {
        throw new EngineException("the in-process engine is not built yet");
    }
}
