package dev.seekfix.engine.gguf;

import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads every fixture model and checks it against the independent listing in {@code models/TENSORS.txt}. */
class GgufFileFixturesTest {

    private static final Pattern FILE = Pattern.compile("^== (\\S+)\\s+\\((\\d+) bytes, GGUF v(\\d+), (\\d+) tensors, alignment (\\d+)\\)");
    private static final Pattern TENSOR = Pattern.compile("^\\s+(\\S+)\\s+(\\w+)\\s+\\[([\\d, ]+)]\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern SCALAR = Pattern.compile("^\\s+(\\S+)\\s+(UINT32|FLOAT32|BOOL|STRING)\\s+(.*)$");

    @Test
    void readsEveryFixtureModelAsListedInTensorsTxt() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.file("models/TENSORS.txt"));
        int files = 0;
        GgufFile current = null;
        int tensorsSeen = 0;
        int expectedTensors = 0;
        try {
            for (String line : lines) {
                Matcher f = FILE.matcher(line);
                if (f.find()) {
                    if (current != null) {
                        assertThat(tensorsSeen).isEqualTo(expectedTensors);
                        current.close();
                    }
                    Path p = Fixtures.model(f.group(1));
                    current = GgufFile.open(p);
                    files++;
                    tensorsSeen = 0;
                    expectedTensors = Integer.parseInt(f.group(4));
                    assertThat(current.fileSize()).isEqualTo(Long.parseLong(f.group(2)));
                    assertThat(current.version()).isEqualTo(Integer.parseInt(f.group(3)));
                    assertThat(current.tensors()).hasSize(expectedTensors);
                    assertThat(current.alignment()).isEqualTo(Integer.parseInt(f.group(5)));
                    continue;
                }
                Matcher t = TENSOR.matcher(line);
                if (t.find() && current != null) {
                    GgufTensorInfo info = current.tensor(t.group(1));
                    assertThat(info.type().ggmlName()).as(info.name()).isEqualTo(t.group(2));
                    long[] shape = Arrays.stream(t.group(3).split(",\\s*")).mapToLong(Long::parseLong).toArray();
                    assertThat(info.shape()).as(info.name()).containsExactly(shape);
                    assertThat(info.byteSize()).as(info.name()).isEqualTo(Long.parseLong(t.group(4)));
                    assertThat(info.offset()).as(info.name()).isEqualTo(Long.parseLong(t.group(5)));
                    assertThat(current.tensorData(info.name()).byteSize()).isEqualTo(info.byteSize());
                    tensorsSeen++;
                    continue;
                }
                Matcher s = SCALAR.matcher(line);
                if (s.find() && current != null) {
                    String key = s.group(1);
                    String v = s.group(3).trim();
                    GgufMetadata m = current.metadata();
                    switch (s.group(2)) {
                        case "UINT32" -> assertThat(m.getLong(key)).as(key).isEqualTo(Long.parseLong(v));
                        case "FLOAT32" -> assertThat(m.getDouble(key)).as(key).isEqualTo((double) Float.parseFloat(v));
                        case "BOOL" -> assertThat(m.getBoolean(key)).as(key).isEqualTo(v.equals("True"));
                        case "STRING" -> assertThat(m.getString(key)).as(key).isEqualTo(v);
                        default -> throw new AssertionError(line);
                    }
                    assertThat(m.type(key).name()).isEqualTo(s.group(2));
                }
            }
            assertThat(tensorsSeen).isEqualTo(expectedTensors);
        } finally {
            if (current != null) current.close();
        }
        assertThat(files).isEqualTo(7);
    }

    @Test
    void readsTokenizerArraysOfTheFullVocabulary() {
        try (GgufFile f = GgufFile.open(Fixtures.file("tokenizer/ggml-vocab-deepseek-llm.gguf"))) {
            GgufMetadata m = f.metadata();
            List<String> tokens = m.getStringArray("tokenizer.ggml.tokens");
            assertThat(tokens).hasSize(102400);
            assertThat(tokens.get(100000)).isEqualTo("<｜begin▁of▁sentence｜>");
            assertThat(m.getStringArray("tokenizer.ggml.merges")).hasSize(99757);
            int[] types = m.getIntArray("tokenizer.ggml.token_type");
            assertThat(types).hasSize(102400);
            assertThat(types[100000]).isEqualTo(3); // CONTROL
            assertThat(types[100002]).isEqualTo(4); // USER_DEFINED
            assertThat(m.getLong("tokenizer.ggml.bos_token_id")).isEqualTo(100000);
            assertThat(m.getString("tokenizer.ggml.pre")).isEqualTo("deepseek-llm");
        }
    }

    @Test
    void tensorDataIsAViewOfTheMappedFile() {
        try (GgufFile f = GgufFile.open(Fixtures.model("ds2-micro-mla-F32.gguf"))) {
            var data = f.tensorData("blk.0.attn_norm.weight");
            assertThat(data.isReadOnly()).isTrue();
            assertThat(data.isNative()).isTrue();
            List<Float> values = new ArrayList<>();
            for (int i = 0; i < 128; i++) values.add(data.get(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, 4L * i));
            // norm weights are U(0.8, 1.2) (fixture README 2.2)
            assertThat(values).allSatisfy(v -> assertThat(v).isBetween(0.8f, 1.2f));
        }
    }
}
