package dev.seekfix.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.runtime.LocalLanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code logits}: the last position's logits of a token sequence run as one batch. */
@Command(name = "logits", description = "Run token ids through the model and print the last position's top logits as JSON.")
final class LogitsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions options;

    @Option(names = "--tokens", required = true, split = ",", paramLabel = "ids", description = "e.g. 100000,5,6")
    int[] tokens;

    @Option(names = "--top", defaultValue = "5", paramLabel = "K")
    int top;

    @Option(names = "--all", paramLabel = "OUT.f32", description = "write all last-position logits as raw little-endian float32")
    Path all;

    @Override
    public Integer call() throws IOException {
        try (LocalLanguageModel m = options.load(spec.commandLine().getErr(), false)) {
            CausalModel model = m.causalModel();
            if (tokens.length == 0) throw new EngineException("--tokens is empty; give at least one token id");
            float[] logits = model.forward(model.newCache(tokens.length), tokens);
            ObjectNode out = Json.object();
            ArrayNode list = out.putArray("top");
            for (int id : TopLogits.of(logits, Math.min(top, logits.length))) {
                list.addObject().put("id", id).put("logit", logits[id]);
            }
            if (all != null) {
                ByteBuffer buf = ByteBuffer.allocate(logits.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(logits);
                Files.write(all, buf.array());
            }
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
