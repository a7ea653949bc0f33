package dev.seekfix.engine.cli;

import dev.seekfix.engine.runtime.files.FileType;
import dev.seekfix.engine.runtime.files.ModelQuantizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantize IN.gguf OUT.gguf TYPE}, as llama-quantize without an importance matrix. */
@Command(name = "quantize", description = "Rewrite a model in another type: F32, F16, BF16, Q4_0, Q5_0, Q5_1, Q8_0, Q4_K_M, Q6_K.")
final class QuantizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.gguf")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.gguf")
    Path out;

    @Parameters(index = "2", paramLabel = "TYPE")
    String type;

    @Override
    public Integer call() {
        FileType t = FileType.parse(type);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        progress.step("quantizing " + in.getFileName() + " to " + t);
        long bytes = ModelQuantizer.quantize(in, out, t, (done, total) -> progress.bytes("writing", done, total));
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %s: %s, %.1f MB of tensors", out, t, bytes / 1e6));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
