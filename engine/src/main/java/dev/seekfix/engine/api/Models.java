package dev.seekfix.engine.api;

import java.nio.file.Path;

/**
 * Loads GGUF models. Other modules obtain the engine's implementation through {@link #local()} and never name
 * classes outside this package.
 */
public interface Models {

    /** Maps {@code gguf} and prepares it to run on the backend {@code options} asks for. */
    LanguageModel load(Path gguf, EngineOptions options);

    /**
     * {@link #load} and then warm up: read every page of the weights and run the model on a throw-away prompt until
     * its kernels are compiled (about 10 s on 2 cores, 30 s at most), so that the first real request does not run interpreted kernels on
     * weights still on disk. What a server wants; a test on a tiny model does not need it.
     */
    LanguageModel loadWarmedUp(Path gguf, EngineOptions options);

    /**
     * seekfix's built-in demo model: a tiny random-weight DeepSeek-V2 written once under {@code dataDir/models},
     * so that the whole path runs with nothing downloaded. Its output is meaningless; {@link ModelInfo#randomWeights()}
     * says so.
     */
    static Path demoModel(Path dataDir) {
        return dev.seekfix.engine.runtime.DemoModel.ensure(dataDir);
    }

    /**
     * The in-process engine with the kernel backends built into this process (scalar, cpu, and cuda when its
     * module is present); {@link Backend#AUTO} picks CUDA when a device is usable, else the CPU.
     */
    static Models local() {
        return new dev.seekfix.engine.runtime.LocalModels(dev.seekfix.engine.runtime.KernelBackends.standard());
    }
}
