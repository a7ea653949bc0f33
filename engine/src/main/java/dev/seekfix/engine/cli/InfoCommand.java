package dev.seekfix.engine.cli;

import dev.seekfix.engine.model.deepseek2.TensorNames;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.engine.chat.ChatTemplateSelection;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;
import dev.seekfix.engine.runtime.LocalLanguageModel;
import dev.seekfix.engine.tokenizer.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code info --model M.gguf}: what the file holds, as JSON, without running anything. */
@Command(name = "info", description = "Print a model's architecture, hyper-parameters, tensor types and vocabulary as JSON.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.gguf")
    Path model;

    @Override
    public Integer call() {
        try (GgufFile file = GgufFile.open(model)) {
            ObjectNode out = Json.object();
            out.put("file", model.toString());
            out.put("file_bytes", file.fileSize());
            out.put("gguf_version", file.version());
            out.put("architecture", file.architecture());
            out.put("name", file.metadata().getString("general.name", model.getFileName().toString()));
            out.put("file_type", file.metadata().getLong("general.file_type", -1));
            int vocabRows = file.hasTensor(TensorNames.TOKEN_EMBD)
                    ? Math.toIntExact(file.tensor(TensorNames.TOKEN_EMBD).ne(1)) : 0;
            out.set("hyper_parameters", Json.MAPPER.valueToTree(DeepSeek2Config.from(file.metadata(), vocabRows)));
            Map<String, Integer> types = new TreeMap<>();
            long parameters = 0;
            for (GgufTensorInfo t : file.tensors()) {
                types.merge(t.type().ggmlName(), 1, Integer::sum);
                parameters += t.elementCount();
            }
            out.put("tensor_count", file.tensors().size());
            out.set("tensor_types", Json.MAPPER.valueToTree(types));
            out.put("parameters", parameters);
            Tokenizer tokenizer = Tokenizer.fromGguf(file);
            out.put("vocabulary_size", tokenizer.vocabulary().size());
            tokenizer.specialTokens().bos().ifPresent(id -> out.put("bos", id));
            tokenizer.specialTokens().eos().ifPresent(id -> out.put("eos", id));
            out.put("tokenizer_pre", file.metadata().getString("tokenizer.ggml.pre", ""));
            out.put("chat_template", ChatTemplateSelection.of(tokenizer.chatTemplate()).description());
            String name = out.get("name").asText();
            out.put("random_weights", file.metadata().getBoolean(LocalLanguageModel.RANDOM_WEIGHTS_KEY, false)
                    || name.contains("random"));
            spec.commandLine().getOut().println(Json.write(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
