package dev.seekfix.engine.tokenizer;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code .inp/.out} pair in {@code fixtures/engine/tokenizer/} (llama.cpp's {@code test-tokenizer-0}
 * format, README section 1.1): no BOS, no special parsing, ids exactly as llama.cpp wrote them; and each
 * string's ids decode back to the string.
 */
class LlamaCppVectorsTest {

    private static final String SEPARATOR = "\n__ggml_vocab_test__\n";

    @TestFactory
    Stream<DynamicTest> deepseekLlmVocabularyMatchesLlamaCpp() throws IOException {
        return vectors("ggml-vocab-deepseek-llm.gguf");
    }

    @TestFactory
    Stream<DynamicTest> deepseekCoderVocabularyMatchesLlamaCpp() throws IOException {
        return vectors("ggml-vocab-deepseek-coder.gguf");
    }

    @TestFactory
    Stream<DynamicTest> microVocabularyMatchesLlamaCpp() throws IOException {
        return vectors("ggml-vocab-deepseek-llm-micro.gguf");
    }

    private static Stream<DynamicTest> vectors(String vocabFile) throws IOException {
        Path gguf = Fixtures.file("tokenizer/" + vocabFile);
        List<String> inputs = readInputs(Fixtures.file("tokenizer/" + vocabFile + ".inp"));
        List<String> outputs = Files.readAllLines(Fixtures.file("tokenizer/" + vocabFile + ".out"), StandardCharsets.UTF_8);
        assertThat(outputs).as("one .out line per .inp string").hasSize(inputs.size());
        Tokenizer tokenizer;
        try (GgufFile file = GgufFile.open(gguf)) {
            tokenizer = Tokenizer.fromGguf(file);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            int[] expected = parseIds(outputs.get(i));
            tests.add(DynamicTest.dynamicTest(vocabFile + " #" + i + " " + visible(input), () -> {
                int[] actual = tokenizer.encode(input);
                assertThat(actual).as("ids of %s", visible(input)).containsExactly(expected);
                assertThat(tokenizer.decode(actual, false)).isEqualTo(input);
            }));
        }
        return tests.stream();
    }

    static List<String> readInputs(Path inp) throws IOException {
        String all = Files.readString(inp, StandardCharsets.UTF_8);
        List<String> inputs = new ArrayList<>();
        int from = 0;
        for (int at = all.indexOf(SEPARATOR); at >= 0; at = all.indexOf(SEPARATOR, from)) {
            inputs.add(all.substring(from, at));
            from = at + SEPARATOR.length();
        }
        assertThat(all.substring(from)).as("text after the last separator").isEmpty();
        return inputs;
    }

    static int[] parseIds(String line) {
        String s = line.strip();
        return s.isEmpty() ? new int[0] : Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    static String visible(String s) {
        String shown = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return '"' + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + '"';
    }
}
