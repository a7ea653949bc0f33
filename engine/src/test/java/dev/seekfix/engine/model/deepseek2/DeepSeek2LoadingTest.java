package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufMetadata;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.gguf.GgufTensorToWrite;
import dev.seekfix.engine.gguf.GgufWriter;
import dev.seekfix.engine.gguf.TensorContent;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.cpu.CpuKernels;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading checks: clear errors for files that are not DeepSeek-V2 models, and the q-LoRA variant. */
class DeepSeek2LoadingTest {

    @TempDir
    Path dir;

    /** Copies the F32 micro model, changing metadata and replacing or adding tensors. */
    private Path rewrite(String name, UnaryOperator<GgufMetadata.Builder> meta, List<GgufTensorToWrite> extra,
                         java.util.Set<String> drop, GgmlType retype) {
        Path out = dir.resolve(name);
        try (GgufFile src = GgufFile.open(Fixtures.model("ds2-micro-mla-F32.gguf"))) {
            List<GgufTensorToWrite> tensors = new ArrayList<>();
            for (GgufTensorInfo t : src.tensors()) {
                if (drop.contains(t.name())) continue;
                var data = src.tensorData(t.name());
                if (retype != null && t.name().equals("blk.0.attn_q.weight")) {
                    tensors.add(new GgufTensorToWrite(t.name(), retype, t.shape(),
                            TensorContent.of(new byte[(int) retype.rowBytes(t.elementCount())])));
                } else {
                    tensors.add(new GgufTensorToWrite(t.name(), t.type(), t.shape(), TensorContent.of(data)));
                }
            }
            tensors.addAll(extra);
            GgufWriter.write(out, meta.apply(src.metadata().toBuilder()).build(), tensors);
        }
        return out;
    }

    @Test
    void rejectsAnUnknownArchitecture() {
        Path p = rewrite("llama.gguf", b -> b.putString("general.architecture", "llama"), List.of(), java.util.Set.of(), null);
        try (GgufFile f = GgufFile.open(p)) {
            assertThatThrownBy(() -> DeepSeek2Model.load(f, new ScalarKernels())).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("'llama'").hasMessageContaining("deepseek2");
        }
    }

    @Test
    void rejectsAnUnsupportedTensorTypeNamingTensorAndType() {
        Path p = rewrite("iq.gguf", b -> b, List.of(), java.util.Set.of(), GgmlType.IQ4_NL);
        try (GgufFile f = GgufFile.open(p)) {
            assertThatThrownBy(() -> DeepSeek2Model.load(f, new ScalarKernels())).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("blk.0.attn_q.weight").hasMessageContaining("IQ4_NL")
                    .hasMessageContaining("re-quantize");
        }
    }

    @Test
    void rejectsAMissingTensorAndAMissingKey() {
        Path p = rewrite("missing.gguf", b -> b.remove("deepseek2.attention.kv_lora_rank"), List.of(),
                java.util.Set.of(), null);
        try (GgufFile f = GgufFile.open(p)) {
            assertThatThrownBy(() -> DeepSeek2Model.load(f, new ScalarKernels())).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("deepseek2.attention.kv_lora_rank is missing");
        }
        Path q = rewrite("noffn.gguf", b -> b, List.of(), java.util.Set.of("blk.2.ffn_up_exps.weight"), null);
        try (GgufFile f = GgufFile.open(q)) {
            assertThatThrownBy(() -> DeepSeek2Model.load(f, new ScalarKernels())).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("blk.2.ffn_up_exps.weight is missing");
        }
    }

    @Test
    void readsTheMicroConfigAndTheLiteAttentionScaleRule() {
        try (GgufFile f = GgufFile.open(Fixtures.model("ds2-micro-mla-F32.gguf"))) {
            DeepSeek2Config c = DeepSeek2Config.from(f.metadata(), 4015);
            assertThat(c.mlaLayout()).isTrue();
            assertThat(c.qLoraRank()).isZero();
            assertThat(c.qkNopeDim()).isEqualTo(16);
            assertThat(c.vHeadDim()).isEqualTo(16);
            assertThat(c.cacheWidth()).isEqualTo(40);
            // README 5.6: mscale = 1.260804, kq_scale = mscale² / sqrt(24)
            assertThat((double) c.attentionScale()).isCloseTo(1.260804 * 1.260804 / Math.sqrt(24), org.assertj.core.data.Offset.offset(1e-5));
        }
        try (GgufFile f = GgufFile.open(Fixtures.model("ds2-micro-legacy-F32.gguf"))) {
            DeepSeek2Config c = DeepSeek2Config.from(f.metadata(), 4015);
            assertThat(c.mlaLayout()).isFalse();
            assertThat(c.qkNopeDim()).isEqualTo(16);
            assertThat(c.vHeadDim()).isEqualTo(16);
        }
    }

    @Test
    void runsAQLoraModelIdenticallyOnScalarAndCpuKernels() {
        Random rnd = new Random(11);
        int rank = 64, hidden = 128, qWidth = 4 * 24;
        List<GgufTensorToWrite> extra = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            extra.add(new GgufTensorToWrite("blk." + l + ".attn_q_a.weight", GgmlType.F32, new long[]{hidden, rank},
                    TensorContent.ofFloats(gaussian(rnd, hidden * rank, 1 / (float) Math.sqrt(hidden)))));
            float[] ones = new float[rank];
            java.util.Arrays.fill(ones, 1f);
            extra.add(new GgufTensorToWrite("blk." + l + ".attn_q_a_norm.weight", GgmlType.F32, new long[]{rank},
                    TensorContent.ofFloats(ones)));
            extra.add(new GgufTensorToWrite("blk." + l + ".attn_q_b.weight", GgmlType.F32, new long[]{rank, qWidth},
                    TensorContent.ofFloats(gaussian(rnd, rank * qWidth, 1 / (float) Math.sqrt(rank)))));
        }
        Path p = rewrite("qlora.gguf", b -> b.putUInt32("deepseek2.attention.q_lora_rank", rank), extra,
                java.util.Set.of("blk.0.attn_q.weight", "blk.1.attn_q.weight", "blk.2.attn_q.weight"), null);
        int[] tokens = {4013, 5, 600, 1200, 33, 7};
        try (GgufFile f = GgufFile.open(p)) {
            float[] a = run(f, new ScalarKernels(), tokens);
            float[] b = run(f, new CpuKernels(2), tokens);
            for (int i = 0; i < a.length; i++) assertThat(b[i]).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-4f));
            boolean finite = true;
            for (float v : a) finite &= Float.isFinite(v);
            assertThat(finite).isTrue();
        }
    }

    private static float[] run(GgufFile f, Kernels k, int[] tokens) {
        try (k; DeepSeek2Model m = DeepSeek2Model.load(f, k)) {
            assertThat(m.config().qLoraRank()).isEqualTo(64);
            var cache = m.newCache(16);
            m.forward(cache, java.util.Arrays.copyOf(tokens, 4));
            return m.forward(cache, java.util.Arrays.copyOfRange(tokens, 4, 6)); // decode after a prefill
        }
    }

    @Test
    void prefillInOneBatchEqualsTokenByTokenDecoding() {
        try (GgufFile f = GgufFile.open(Fixtures.model("ds2-micro-mla-F32.gguf"));
             Kernels k = new ScalarKernels(); DeepSeek2Model m = DeepSeek2Model.load(f, k)) {
            int[] tokens = {4013, 100, 200, 300, 400, 500, 3999};
            float[] batched = m.forward(m.newCache(8), tokens);
            var cache = m.newCache(8);
            float[] last = null;
            for (int t : tokens) last = m.forward(cache, new int[]{t});
            assertThat(cache.length()).isEqualTo(tokens.length);
            for (int i = 0; i < batched.length; i++) assertThat(last[i]).isCloseTo(batched[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    private static float[] gaussian(Random rnd, int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian() * scale;
        return x;
    }
}
