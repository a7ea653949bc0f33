package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.chat.DeepSeekV2Template;
import dev.seekfix.engine.gguf.GgufMetadata;
import dev.seekfix.engine.gguf.GgufTensorToWrite;
import dev.seekfix.engine.gguf.GgufWriter;
import dev.seekfix.engine.runtime.LocalLanguageModel;
import dev.seekfix.engine.tensor.GgmlType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * Writes a random-weight {@code deepseek2} GGUF of a given {@link ModelShape} and {@link FileType}: the metadata
 * keys llama.cpp's converter writes (as in the fixtures' TENSORS.txt), a {@link SyntheticVocabulary}, DeepSeek-V2's
 * chat template, {@code seekfix.random_weights = true}, and weights drawn as the fixtures' generator draws them
 * (linear N(0, 1/√fan_in), embeddings N(0, 1), output N(0, 3/√hidden), norms U(0.8, 1.2)), each tensor seeded by
 * the seed and the CRC-32 of its name, then stored in the type {@link QuantMix} gives it. Normal values are
 * Irwin-Hall sums of four uniforms (exact mean and variance, tails cut at ±3.5σ): fast enough for the 2-billion
 * values of a 4-layer Coder-V2-Lite.
 */
public final class RandomModelWriter {

    private RandomModelWriter() {
    }

    /**
     * @param bytesWritten told how many weight bytes were written so far, of how many (progress display)
     * @return the total size of the weights written
     */
    public static long write(Path out, ModelShape shape, FileType type, long seed, WriteProgress bytesWritten) {
        SyntheticVocabulary vocab = SyntheticVocabulary.of(shape.vocabulary());
        QuantMix mix = new QuantMix(type, shape.layers(), shape.experts());
        List<GgufTensorToWrite> tensors = new ArrayList<>();
        long[] total = {0};
        long[] written = {0};
        LongConsumer progress = n -> {
            written[0] += n;
            bytesWritten.written(written[0], total[0]);
        };
        for (TensorPlan.Planned p : TensorPlan.of(shape)) {
            GgmlType t = mix.typeOf(p.name(), p.shape());
            int cols = (int) p.shape()[0];
            long rows = p.elements() / cols;
            long tensorSeed = seed * 0x9E3779B97F4A7C15L + crc32(p.name());
            tensors.add(new GgufTensorToWrite(p.name(), t, p.shape(),
                    new ChunkedTensorContent(t, rows, cols, source(p, shape, tensorSeed), progress)));
            total[0] += tensors.getLast().byteSize();
        }
        GgufWriter.write(out, metadata(shape, type, vocab), tensors);
        return total[0];
    }

    private static ChunkedTensorContent.RowSource source(TensorPlan.Planned p, ModelShape shape, long tensorSeed) {
        int cols = (int) p.shape()[0];
        return (from, to, values) -> {
            SplittableRandom random = new SplittableRandom(tensorSeed + from * 0xBF58476D1CE4E5B9L);
            int n = (int) ((to - from) * cols);
            switch (p.init()) {
                case NORM -> {
                    for (int i = 0; i < n; i++) values[i] = (float) (0.8 + 0.4 * random.nextDouble());
                }
                case EMBEDDING -> normals(random, values, n, 1.0f);
                case OUTPUT -> normals(random, values, n, (float) (3.0 / Math.sqrt(shape.hidden())));
                case NORMAL_FAN_IN -> normals(random, values, n, (float) (1.0 / Math.sqrt(cols)));
            }
        };
    }

    /** Irwin-Hall: the sum of four U(0,1) has mean 2 and variance 1/3. */
    private static void normals(SplittableRandom random, float[] out, int n, float std) {
        float scale = std * (float) Math.sqrt(3.0) / 65536f;
        for (int i = 0; i < n; i++) {
            long r = random.nextLong();
            int sum = (int) (r & 0xFFFF) + (int) ((r >>> 16) & 0xFFFF) + (int) ((r >>> 32) & 0xFFFF) + (int) (r >>> 48);
            out[i] = (sum - 2 * 65536) * scale;
        }
    }

    private static long crc32(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    static GgufMetadata metadata(ModelShape s, FileType type, SyntheticVocabulary vocab) {
        String a = "deepseek2.";
        GgufMetadata.Builder m = GgufMetadata.builder()
                .putString("general.architecture", "deepseek2")
                .putString("general.type", "model")
                .putString("general.name", "seekfix-random-" + s.like() + "-" + s.layers() + "l")
                .putUInt32(a + "block_count", s.layers())
                .putUInt32(a + "context_length", s.contextLength())
                .putUInt32(a + "embedding_length", s.hidden())
                .putUInt32(a + "feed_forward_length", s.denseFfn())
                .putUInt32(a + "attention.head_count", s.heads())
                .putUInt32(a + "attention.head_count_kv", 1)
                .putFloat32(a + "rope.freq_base", 10000f)
                .putFloat32(a + "attention.layer_norm_rms_epsilon", 1e-6f)
                .putUInt32(a + "expert_used_count", s.expertsUsed())
                .putUInt32("general.file_type", type.ftype())
                .putUInt32(a + "leading_dense_block_count", s.denseLayers())
                .putUInt32(a + "vocab_size", s.vocabulary())
                .putUInt32(a + "attention.q_lora_rank", s.qLoraRank())
                .putUInt32(a + "attention.kv_lora_rank", s.kvLoraRank())
                .putUInt32(a + "attention.key_length", s.kvLoraRank() + s.qkRopeDim())
                .putUInt32(a + "attention.value_length", s.kvLoraRank())
                .putUInt32(a + "attention.key_length_mla", s.qkNopeDim() + s.qkRopeDim())
                .putUInt32(a + "attention.value_length_mla", s.vHeadDim())
                .putUInt32(a + "expert_feed_forward_length", s.expertFfn())
                .putUInt32(a + "expert_count", s.experts())
                .putUInt32(a + "expert_shared_count", s.sharedExperts())
                .putFloat32(a + "expert_weights_scale", s.expertWeightsScale());
        if (s.expertGroups() > 1) {
            m.putUInt32(a + "expert_group_count", s.expertGroups())
                    .putUInt32(a + "expert_group_used_count", s.expertGroupsUsed());
        }
        m.putUInt32(a + "rope.dimension_count", s.qkRopeDim())
                .putString(a + "rope.scaling.type", "yarn")
                .putFloat32(a + "rope.scaling.factor", 40f)
                .putUInt32(a + "rope.scaling.original_context_length", 4096)
                .putFloat32(a + "rope.scaling.yarn_beta_fast", 32f)
                .putFloat32(a + "rope.scaling.yarn_beta_slow", 1f)
                .putFloat32(a + "rope.scaling.yarn_log_multiplier", 0.0707f)
                .putString("tokenizer.ggml.model", "gpt2")
                .putString("tokenizer.ggml.pre", "deepseek-llm")
                .putStrings("tokenizer.ggml.tokens", vocab.tokens())
                .putInt32s("tokenizer.ggml.token_type", vocab.types())
                .putStrings("tokenizer.ggml.merges", vocab.merges())
                .putUInt32("tokenizer.ggml.bos_token_id", vocab.bos())
                .putUInt32("tokenizer.ggml.eos_token_id", vocab.eos())
                .putUInt32("tokenizer.ggml.padding_token_id", vocab.eos())
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_eos_token", false)
                .putString("tokenizer.chat_template", DeepSeekV2Template.JINJA)
                .putBool(LocalLanguageModel.RANDOM_WEIGHTS_KEY, true)
                .putUInt32("general.quantization_version", 2);
        return m.build();
    }
}
