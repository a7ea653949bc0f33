package dev.seekfix.engine.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model-level references (fixtures README section 3): the tokenizer read from each model file gives
 * llama.cpp's prompt ids with and without BOS, and every recorded piece ({@code piece_bytes},
 * {@code greedy_text_bytes}) is what this tokenizer renders for those ids.
 */
class ReferencePromptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyReferenceFileAgreesWithLlamaCpp() throws IOException {
        Path refDir = Fixtures.engine().resolve("ref");
        List<Path> files;
        try (Stream<Path> list = Files.list(refDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("reference JSON files in %s", refDir).hasSize(21);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(refDir, file)));
        }
        return tests.stream();
    }

    private static void check(Path refDir, Path file) throws IOException {
        JsonNode ref = JSON.readTree(file.toFile());
        Tokenizer tokenizer;
        try (GgufFile model = GgufFile.open(refDir.resolve(ref.get("model").asText()).normalize())) {
            tokenizer = Tokenizer.fromGguf(model);
        }
        String prompt = Files.readString(refDir.resolve(ref.get("prompt_file").asText()), StandardCharsets.UTF_8);
        assertThat(prompt).isEqualTo(ref.get("prompt").asText());

        assertThat(tokenizer.encode(prompt, true, false)).containsExactly(ints(ref.get("prompt_tokens")));
        assertThat(tokenizer.encode(prompt)).containsExactly(ints(ref.get("prompt_tokens_no_special")));
        assertThat(ref.get("prompt_tokens").get(0).asInt()).isEqualTo(tokenizer.specialTokens().bos().orElseThrow());

        List<JsonNode> pieces = new ArrayList<>();
        ref.get("last_pos_top5").forEach(pieces::add);
        ref.get("all_pos_top5").forEach(position -> position.forEach(pieces::add));
        for (JsonNode p : pieces) {
            int id = p.get("id").asInt();
            assertThat(tokenizer.piece(id, true)).as("piece of %d", id).containsExactly(bytes(p.get("piece_bytes")));
        }
        assertThat(tokenizer.decodeBytes(ints(ref.get("greedy_tokens")), true))
                .containsExactly(bytes(ref.get("greedy_text_bytes")));
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    private static byte[] bytes(JsonNode array) {
        int[] v = ints(array);
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }
}
