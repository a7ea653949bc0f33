package dev.seekfix.engine.api;

/**
 * What a loaded model is and where it runs.
 *
 * @param architecture GGUF {@code general.architecture}, e.g. {@code deepseek2}
 * @param name         GGUF {@code general.name}, or the file name when absent
 * @param contextLength tokens of context the engine will accept (prompt plus generated)
 * @param vocabularySize number of token ids
 * @param backend      the kernel backend that runs it: {@code scalar}, {@code cpu} or {@code cuda}
 * @param randomWeights true for seekfix's demo model and other random-weight files: output is gibberish
 */
public record ModelInfo(String architecture, String name, int contextLength, int vocabularySize, String backend,
                        boolean randomWeights) {
}
