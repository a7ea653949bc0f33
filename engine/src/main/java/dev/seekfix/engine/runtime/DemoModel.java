package dev.seekfix.engine.runtime;

import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.runtime.files.FileType;
import dev.seekfix.engine.runtime.files.ModelShape;
import dev.seekfix.engine.runtime.files.RandomModelWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * seekfix's built-in demo model (DESIGN.md, "Configuration"): a tiny random-weight DeepSeek-V2 with the fixtures'
 * micro shape and a 16,384-id synthetic vocabulary, Q8_0, about 5 MB, written once into the data directory with
 * {@code init-random}'s code, so that the whole path runs with nothing downloaded. Its output is gibberish and
 * its {@code ModelInfo.randomWeights()} says so.
 */
public final class DemoModel {

    /** Bump when the shape or the writer changes, so an old file is not reused. */
    static final String FILE_NAME = "seekfix-demo-micro-v1.gguf";
    static final int VOCABULARY = 16384;
    static final long SEED = 42;

    private DemoModel() {
    }

    /** The demo model's path under {@code dataDir}, writing it first if it is not there yet. */
    public static Path ensure(Path dataDir) {
        Path file = dataDir.resolve("models").resolve(FILE_NAME);
        if (Files.isRegularFile(file)) return file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new EngineException("cannot create " + file.getParent() + " for the demo model: " + e.getMessage()
                    + "; check SEEKFIX_DATA_DIR and its permissions", e);
        }
        synchronized (DemoModel.class) {
            if (!Files.isRegularFile(file)) {
                RandomModelWriter.write(file, ModelShape.like("micro").withVocabulary(VOCABULARY), FileType.Q8_0, SEED,
                        dev.seekfix.engine.runtime.files.WriteProgress.SILENT);
            }
        }
        return file;
    }
}
