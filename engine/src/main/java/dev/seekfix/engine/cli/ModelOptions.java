package dev.seekfix.engine.cli;

import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.WeightStorage;
import dev.seekfix.engine.runtime.KernelBackends;
import dev.seekfix.engine.runtime.LoadProgress;
import dev.seekfix.engine.runtime.LocalLanguageModel;
import dev.seekfix.engine.runtime.LocalModels;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The options of every command that runs a model. */
final class ModelOptions {

    @Option(names = "--model", required = true, paramLabel = "M.gguf", description = "GGUF model file")
    Path model;

    @Option(names = "--backend", defaultValue = "auto", paramLabel = "auto|cpu|cuda|scalar",
            description = "kernel backend (default: ${DEFAULT-VALUE}: cuda when usable, else cpu)")
    String backend;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "CPU kernel threads (default: one per processor)")
    int threads;

    @Option(names = "--ctx", defaultValue = "0", paramLabel = "N",
            description = "context length to allocate (default: min(model's, 4096))")
    int context;

    @Option(names = "--no-mmap", description = "read the weights into memory instead of mapping the file "
            + "(slower to load, faster kernels on some machines; as llama.cpp's --no-mmap)")
    boolean noMmap;

    LocalLanguageModel load(PrintWriter err, boolean warmUp) {
        return load(err, warmUp, KernelBackends.standard());
    }

    LocalLanguageModel load(PrintWriter err, boolean warmUp, KernelBackends backends) {
        LoadProgress progress = new StderrProgress(err);
        LocalLanguageModel m = new LocalModels(backends).load(model,
                new EngineOptions(KernelBackends.parse(backend), threads, context,
                        noMmap ? WeightStorage.IN_MEMORY : WeightStorage.MAPPED), progress, warmUp);
        err.println("backend: " + m.backendReason() + "; " + m.chat().selection().description());
        err.flush();
        return m;
    }
}
