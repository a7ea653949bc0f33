package dev.seekfix.engine.runtime;

import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.WeightStorage;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.Models;
import dev.seekfix.engine.chat.ChatPromptEncoder;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Model;
import dev.seekfix.engine.tokenizer.Tokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The in-process engine: maps a GGUF (weights stay in the mapped file, nothing is copied onto the heap), reads
 * its tokenizer and chat template, picks the kernel backend once and logs which one runs and why.
 */
public final class LocalModels implements Models {

    private static final Logger LOG = LoggerFactory.getLogger(LocalModels.class);
    /**
     * The longest {@link ModelWarmup} runs the model after loading when asked to warm up: a ceiling, it stops as soon
     * as the kernels are compiled (about 10 s for a 4-layer Coder-V2-Lite on 2 cores).
     */
    private static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(30);

    private final KernelBackends backends;

    public LocalModels(KernelBackends backends) {
        this.backends = backends;
    }

    @Override
    public LanguageModel load(Path gguf, EngineOptions options) {
        return load(gguf, options, LoadProgress.SILENT, false);
    }

    @Override
    public LanguageModel loadWarmedUp(Path gguf, EngineOptions options) {
        return load(gguf, options, new LoadProgress() {
            @Override public void step(String description) { LOG.info("{}: {}", gguf.getFileName(), description); }
            @Override public void warming(long done, long total) { }
        }, true);
    }

    /**
     * @param warmUp read every page of the weights and run the model on throw-away prompts until its kernels are
     *               compiled before returning, so that the first real tokens run compiled kernels on resident weights
     */
    public LocalLanguageModel load(Path gguf, EngineOptions options, LoadProgress progress, boolean warmUp) {
        KernelBackends.Choice choice = backends.select(options.backend());
        progress.step("mapping " + gguf.getFileName() + sizeOf(gguf));
        GgufFile file;
        if (options.weights() == WeightStorage.IN_MEMORY) {
            progress.step("reading " + gguf.getFileName() + " into memory");
            file = GgufFile.read(gguf);
        } else {
            file = GgufFile.open(gguf);
        }
        Kernels kernels = null;
        try {
            progress.step("reading the tokenizer");
            Tokenizer tokenizer = Tokenizer.fromGguf(file);
            kernels = choice.factory().open(options.threads());
            progress.step("checking weights; backend " + choice.reason());
            DeepSeek2Model model = DeepSeek2Model.load(file, kernels);
            int context = contextLength(options, model.trainedContextLength(), gguf);
            if (warmUp) {
                progress.step("warming up: reading the weights into memory");
                WeightWarmup.touch(file.mapping(), progress);
                progress.step("warming up: compiling the kernels on the model");
                int rounds = ModelWarmup.run(model, WARM_UP);
                progress.step("warmed up (" + rounds + " rounds)");
            }
            ChatPromptEncoder chat = ChatPromptEncoder.forTokenizer(tokenizer);
            LOG.info("loaded {}: backend {}, context {}, {}", gguf.getFileName(), choice.reason(), context,
                    chat.selection().description());
            return new LocalLanguageModel(file, kernels, model, tokenizer, chat, context, choice.reason());
        } catch (RuntimeException | Error e) {
            if (kernels != null) kernels.close();
            file.close();
            throw e;
        }
    }

    private static int contextLength(EngineOptions options, int trained, Path gguf) {
        if (options.contextLength() == 0) return Math.min(trained, 4096);
        if (options.contextLength() > trained) {
            throw new EngineException("context length " + options.contextLength() + " was asked for but "
                    + gguf.getFileName() + " was trained for " + trained + " tokens; ask for at most " + trained);
        }
        return options.contextLength();
    }

    private static String sizeOf(Path p) {
        try {
            return String.format(Locale.ROOT, " (%.1f MB)", java.nio.file.Files.size(p) / 1e6);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
