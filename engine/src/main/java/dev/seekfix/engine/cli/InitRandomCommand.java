package dev.seekfix.engine.cli;

import dev.seekfix.engine.runtime.files.FileType;
import dev.seekfix.engine.runtime.files.ModelShape;
import dev.seekfix.engine.runtime.files.RandomModelWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code init-random}: a random-weight model with a real architecture's exact shapes and a synthetic byte-level
 * vocabulary (no download), for tests, benchmarks and the demo model.
 */
@Command(name = "init-random", description = "Write a random-weight DeepSeek-V2 model of a known shape.")
final class InitRandomCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--like", required = true, paramLabel = "coder-v2-lite|coder-v2|micro")
    String like;

    @Option(names = "--layers", paramLabel = "N", description = "number of layers (default: the model's)")
    Integer layers;

    @Option(names = "--vocab", paramLabel = "N", description = "vocabulary size (default: the model's)")
    Integer vocab;

    @Option(names = "--type", required = true, paramLabel = "F16|BF16|Q8_0|Q4_K_M")
    String type;

    @Option(names = "--seed", defaultValue = "1234", paramLabel = "S")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "M.gguf")
    Path out;

    @Override
    public Integer call() {
        ModelShape shape = ModelShape.like(like);
        if (layers != null) shape = shape.withLayers(layers);
        if (vocab != null) shape = shape.withVocabulary(vocab);
        FileType t = FileType.parse(type);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        progress.step("writing a random " + like + " model, " + shape.layers() + " layers, vocabulary "
                + shape.vocabulary() + ", " + t);
        ModelShape s = shape;
        long bytes = RandomModelWriter.write(out, shape, t, seed, (done, total) -> progress.bytes("writing", done, total));
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %s: %s, %d layers, vocabulary %d, %s, %.1f MB of tensors",
                out, like, s.layers(), s.vocabulary(), t, bytes / 1e6));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
