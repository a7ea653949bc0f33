package dev.seekfix.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.testing.LlamaCppReference;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine CLI run in-process, as {@code seekfix engine …} would run it. */
class EngineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = EngineCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String f32() {
        return Fixtures.model("ds2-micro-mla-F32.gguf").toString();
    }

    @Test
    void infoPrintsTheArchitectureTypesAndVocabularyAsJson() throws Exception {
        Run r = run("info", "--model", Fixtures.model("ds2-micro-mla-Q4_K_M.gguf").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode info = JSON.readTree(r.out());
        assertThat(info.get("architecture").asText()).isEqualTo("deepseek2");
        assertThat(info.get("vocabulary_size").asInt()).isEqualTo(4015);
        assertThat(info.get("hyper_parameters").get("layers").asInt()).isEqualTo(3);
        assertThat(info.get("hyper_parameters").get("kvLoraRank").asInt()).isEqualTo(32);
        assertThat(info.get("tensor_types").get("Q5_0").asInt()).isEqualTo(22);
        assertThat(info.get("tensor_types").get("Q4_K").asInt()).isEqualTo(1);
        assertThat(info.get("random_weights").asBoolean()).isTrue();
    }

    @Test
    void tokenizePrintsOneLineOfIdsPerJsonInputLine() throws Exception {
        LlamaCppReference code = LlamaCppReference.load("ds2-micro-mla-F32", "code");
        LlamaCppReference unicode = LlamaCppReference.load("ds2-micro-mla-F32", "unicode");
        Path lines = tmp.resolve("inputs.jsonl");
        Files.writeString(lines, JSON.writeValueAsString(code.promptText()) + "\n"
                + JSON.writeValueAsString(unicode.promptText()) + "\n");
        Run r = run("tokenize", "--model", f32(), "--lines-json", lines.toString(), "--bos");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(ids(code.promptTokens()), ids(unicode.promptTokens()));
        Run plain = run("tokenize", "--model", f32(), "--text", "<｜begin▁of▁sentence｜>x");
        assertThat(plain.out().strip()).doesNotStartWith("4013"); // special-token text is not parsed, no BOS
    }

    @Test
    void logitsTopMatchesLlamaCppAndAllWritesEveryLogit() throws Exception {
        LlamaCppReference ref = LlamaCppReference.load("ds2-micro-mla-F32", "code");
        Path all = tmp.resolve("last.f32");
        Run r = run("logits", "--model", f32(), "--tokens", Arrays.stream(ref.promptTokens()).mapToObj(Integer::toString)
                .collect(Collectors.joining(",")), "--top", "5", "--all", all.toString(), "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode top = JSON.readTree(r.out()).get("top");
        for (int i = 0; i < 5; i++) {
            assertThat(top.get(i).get("id").asInt()).isEqualTo(ref.top5()[i]);
            assertThat((float) top.get(i).get("logit").asDouble()).isCloseTo(ref.top5Logits()[i],
                    org.assertj.core.data.Offset.offset(1e-3f));
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(all)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.remaining()).isEqualTo(4015 * 4);
        assertThat(b.getFloat(ref.top5()[0] * 4)).isCloseTo(ref.top5Logits()[0], org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void generateJsonGivesLlamaCppsGreedyTokens() throws Exception {
        LlamaCppReference ref = LlamaCppReference.load("ds2-micro-mla-F32", "code");
        Run r = run("generate", "--model", f32(), "--tokens", Arrays.stream(ref.promptTokens())
                .mapToObj(Integer::toString).collect(Collectors.joining(",")), "--max-tokens", "8", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode g = JSON.readTree(r.out());
        int[] tokens = JSON.convertValue(g.get("tokens"), int[].class);
        assertThat(tokens).isEqualTo(Arrays.copyOf(ref.greedyTokens(), 8));
        assertThat(g.get("timings").get("generated_tokens").asInt()).isEqualTo(8);
        assertThat(g.get("stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void generateWithNoMmapReadsTheModelIntoMemoryAndGivesTheSameTokens() throws Exception {
        LlamaCppReference ref = LlamaCppReference.load("ds2-micro-mla-F32", "code");
        Run r = run("generate", "--model", f32(), "--no-mmap", "--tokens", Arrays.stream(ref.promptTokens())
                .mapToObj(Integer::toString).collect(Collectors.joining(",")), "--max-tokens", "8", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("into memory");
        assertThat(JSON.convertValue(JSON.readTree(r.out()).get("tokens"), int[].class))
                .isEqualTo(Arrays.copyOf(ref.greedyTokens(), 8));
    }

    @Test
    void generateStreamsTextForAPlainPrompt() {
        Run r = run("generate", "--model", f32(), "--prompt", "def fib(n):", "--max-tokens", "16");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isNotEmpty();
        assertThat(r.err()).contains("backend: cpu");
    }

    @Test
    void initRandomWritesAModelThatInfoAndGenerateRead() throws Exception {
        Path m = tmp.resolve("r.gguf");
        Run w = run("init-random", "--like", "micro", "--layers", "2", "--vocab", "1000", "--type", "F16", "--seed", "5",
                "--out", m.toString());
        assertThat(w.exitCode()).as(w.err()).isZero();
        JsonNode info = JSON.readTree(run("info", "--model", m.toString()).out());
        assertThat(info.get("hyper_parameters").get("layers").asInt()).isEqualTo(2);
        assertThat(info.get("vocabulary_size").asInt()).isEqualTo(1000);
        assertThat(info.get("random_weights").asBoolean()).isTrue();
        assertThat(info.get("chat_template").asText()).contains("the GGUF's own template");
        Run g = run("generate", "--model", m.toString(), "--chat", "hello", "--max-tokens", "4", "--json");
        assertThat(g.exitCode()).as(g.err()).isZero();
        assertThat(JSON.readTree(g.out()).get("tokens").size()).isBetween(0, 4);
        Path again = tmp.resolve("r2.gguf");
        run("init-random", "--like", "micro", "--layers", "2", "--vocab", "1000", "--type", "F16", "--seed", "5",
                "--out", again.toString());
        assertThat(Files.readAllBytes(again)).as("the same seed writes the same file").isEqualTo(Files.readAllBytes(m));
    }

    @Test
    void benchWithBreakdownSaysWhereDecodeAndPrefillSpendTheirTime() throws Exception {
        Run r = run("bench", "--model", Fixtures.model("ds2-micro-mla-Q4_K_M.gguf").toString(), "--backend", "cpu",
                "--threads", "2", "--prompt-tokens", "8", "--gen-tokens", "4", "--reps", "2", "--breakdown");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("decode_tokens_per_s").asDouble()).isPositive();
        for (String phase : new String[]{"prefill_breakdown", "decode_breakdown"}) {
            JsonNode b = out.get(phase);
            double inside = 0;
            for (JsonNode op : b.get("operations")) inside += op.get("ms_per_token").asDouble();
            assertThat(inside).as(phase).isPositive().isLessThanOrEqualTo(b.get("ms_per_token").asDouble());
            assertThat(b.get("operations")).as(phase).anySatisfy(op -> {
                assertThat(op.get("operation").asText()).startsWith("matmul");
                assertThat(op.get("gmac_per_s").asDouble()).isPositive();
            });
        }
        // decode multiplies one token at a time; prefill multiplies the prompt as one batch
        assertThat(out.get("decode_breakdown").get("operations")).noneSatisfy(op -> assertThat(op.get("operation").asText()).endsWith(" batch"));
        assertThat(out.get("prefill_breakdown").get("operations")).anySatisfy(op -> assertThat(op.get("operation").asText()).endsWith(" batch"));
    }

    @Test
    void quantizeToQ8_0ReproducesLlamaQuantizeByteForByte() {
        Path out = tmp.resolve("q8.gguf");
        Run r = run("quantize", f32(), out.toString(), "Q8_0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertSameTensors(out, Fixtures.model("ds2-micro-mla-Q8_0.gguf"));
    }

    @Test
    void quantizeToQ4_K_MMixesTypesAsLlamaQuantize() {
        Path out = tmp.resolve("q4.gguf");
        Run r = run("quantize", f32(), out.toString(), "Q4_K_M");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertSameTensors(out, Fixtures.model("ds2-micro-mla-Q4_K_M.gguf"));
    }

    @Test
    void anUnknownTypeFailsWithTheListOfTypes() {
        Run r = run("quantize", f32(), tmp.resolve("x.gguf").toString(), "IQ2_XS");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("unknown type 'IQ2_XS'").contains("Q4_K_M");
    }

    private static void assertSameTensors(Path actual, Path expected) {
        try (GgufFile a = GgufFile.open(actual); GgufFile e = GgufFile.open(expected)) {
            List<GgufTensorInfo> want = e.tensors();
            assertThat(a.tensors()).hasSameSizeAs(want);
            for (GgufTensorInfo t : want) {
                GgufTensorInfo got = a.tensor(t.name());
                assertThat(got.type()).as(t.name()).isEqualTo(t.type());
                assertThat(got.shape()).as(t.name()).isEqualTo(t.shape());
                assertThat(a.tensorData(t.name()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)).as(t.name() + " data")
                        .isEqualTo(e.tensorData(t.name()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            }
        }
    }

    private static String ids(int[] ids) {
        return Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }
}
