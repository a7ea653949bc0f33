package dev.seekfix.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.engine.api.ChatMessage;
import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.OutputConstraint;
import dev.seekfix.engine.api.Prompt;
import dev.seekfix.engine.api.Sampling;
import dev.seekfix.engine.api.TokenSink;
import dev.seekfix.engine.runtime.LocalLanguageModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code generate}: continue a prompt, a chat message or token ids. Text streams to standard output as it is
 * generated; with {@code --json} one JSON document with tokens, text, stop reason and timings is printed instead.
 */
@Command(name = "generate", description = "Generate text; temperature 0 (the default) is greedy, lowest id on ties.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--prompt", paramLabel = "S", description = "plain text (BOS added when the model wants one)")
        String prompt;
        @Option(names = "--tokens", split = ",", paramLabel = "ids", description = "token ids used as they are")
        int[] tokens;
        @Option(names = "--chat", paramLabel = "S", description = "one user message, through the chat template")
        String chat;
    }

    @Option(names = "--max-tokens", required = true, paramLabel = "N")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "T")
    double temperature;

    @Option(names = "--top-p", defaultValue = "1.0", paramLabel = "P")
    double topP;

    @Option(names = "--top-k", defaultValue = "40", paramLabel = "K", description = "used when temperature > 0; 0 disables")
    int topK;

    @Option(names = "--min-p", defaultValue = "0.05", paramLabel = "P", description = "used when temperature > 0; 0 disables")
    double minP;

    @Option(names = "--repeat-penalty", defaultValue = "1.0", paramLabel = "X")
    double repeatPenalty;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S")
    long seed;

    @Option(names = "--stop", paramLabel = "S", description = "stop string (repeatable); not part of the output")
    List<String> stop = List.of();

    @Option(names = "--schema", paramLabel = "F", description = "JSON Schema file: constrain the output to it")
    Path schema;

    @Option(names = "--json", description = "print one JSON document with tokens, text and timings")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (LocalLanguageModel m = options.load(spec.commandLine().getErr(), false)) {
            Prompt prompt;
            if (input.prompt != null) {
                prompt = new Prompt.Text(input.prompt, m.tokenizer().specialTokens().addBos());
            } else if (input.chat != null) {
                prompt = new Prompt.Chat(List.of(ChatMessage.user(input.chat)));
            } else {
                prompt = new Prompt.Tokens(input.tokens);
            }
            Sampling sampling = new Sampling(temperature, temperature == 0 ? 0 : topK, topP,
                    temperature == 0 ? 0 : minP, repeatPenalty, 64, seed);
            OutputConstraint constraint = schema == null ? OutputConstraint.NONE
                    : new OutputConstraint.JsonSchema(Files.readString(schema));
            CompletionRequest request = new CompletionRequest(prompt, sampling, maxTokens, stop, constraint);
            TokenSink sink = json ? TokenSink.NONE : (id, text) -> {
                out.print(text);
                out.flush();
            };
            Completion c = m.generate(request, sink);
            if (json) {
                ObjectNode o = Json.object();
                o.set("tokens", Json.MAPPER.valueToTree(c.tokens()));
                o.put("text", c.text());
                o.put("stop_reason", c.stopReason().name().toLowerCase(java.util.Locale.ROOT));
                o.set("timings", Timing.json(c.timings()));
                out.println(Json.write(o));
            } else {
                out.println();
                spec.commandLine().getErr().println(Timing.line(c.timings()) + ", stop: " + c.stopReason());
                spec.commandLine().getErr().flush();
            }
            out.flush();
        }
        return 0;
    }
}
