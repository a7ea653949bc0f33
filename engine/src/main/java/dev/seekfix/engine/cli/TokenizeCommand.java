package dev.seekfix.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.tokenizer.Tokenizer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.Arrays;

/**
 * {@code tokenize}: token ids separated by spaces, one line per input. No BOS unless {@code --bos}; special-token
 * text is tokenized as plain text (llama.cpp's {@code parse_special = false}).
 */
@Command(name = "tokenize", description = "Print the token ids of text, one line per input.")
final class TokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.gguf")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--text", paramLabel = "S", description = "the text")
        String text;
        @Option(names = "--file", paramLabel = "F", description = "a UTF-8 file, tokenized as one input")
        Path file;
        @Option(names = "--lines-json", paramLabel = "F", description = "a file whose every line is a JSON string")
        Path linesJson;
    }

    @Option(names = "--bos", description = "prepend the BOS token")
    boolean bos;

    @Override
    public Integer call() throws IOException {
        List<String> texts = inputs();
        try (GgufFile file = GgufFile.open(model)) {
            Tokenizer tokenizer = Tokenizer.fromGguf(file);
            PrintWriter out = spec.commandLine().getOut();
            for (String t : texts) {
                out.println(Arrays.stream(tokenizer.encode(t, bos, false)).mapToObj(Integer::toString)
                        .collect(Collectors.joining(" ")));
            }
            out.flush();
        }
        return 0;
    }

    private List<String> inputs() throws IOException {
        if (input.text != null) return List.of(input.text);
        if (input.file != null) return List.of(Files.readString(input.file, StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(input.linesJson, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                texts.add(Json.MAPPER.readValue(line, String.class));
            } catch (JsonProcessingException e) {
                throw new EngineException(input.linesJson + " line " + lineNo + ": expected a JSON string such as"
                        + " \"def f():\\n\", found " + (line.length() > 60 ? line.substring(0, 60) + "…" : line));
            }
        }
        return texts;
    }
}
