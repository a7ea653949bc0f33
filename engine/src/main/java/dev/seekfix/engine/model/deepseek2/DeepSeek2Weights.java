package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.kernels.StackedWeights;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.tensor.Dequantizer;
import dev.seekfix.engine.tensor.GgmlType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.seekfix.engine.model.deepseek2.TensorNames.block;

/**
 * All weights of a DeepSeek-V2 GGUF as views of the mapped file, checked for presence, shape and a supported type
 * at load. Norm vectors are copied to small float arrays. 2024 files ({@code attn_kv_b}) get their per-head
 * key-absorption matrices derived once (transposed to F32, as llama.cpp's converter now does offline).
 */
record DeepSeek2Weights(WeightMatrix tokenEmbedding, List<LayerWeights> layers, float[] outputNorm, WeightMatrix output) {

    static DeepSeek2Weights load(GgufFile file, DeepSeek2Config c, Arena derived) {
        Loader l = new Loader(file);
        WeightMatrix embd = l.matrix(TensorNames.TOKEN_EMBD, c.hidden(), c.vocabularySize());
        List<LayerWeights> layers = new ArrayList<>();
        int qWidth = c.heads() * c.qkHeadDim();
        for (int i = 0; i < c.layers(); i++) {
            QueryProjection q = c.qLoraRank() > 0
                    ? new QueryProjection.LowRank(l.matrix(block(i, "attn_q_a"), c.hidden(), c.qLoraRank()),
                    l.vector(block(i, "attn_q_a_norm"), c.qLoraRank()),
                    l.matrix(block(i, "attn_q_b"), c.qLoraRank(), qWidth))
                    : new QueryProjection.Direct(l.matrix(block(i, "attn_q"), c.hidden(), qWidth));
            WeightMatrix kvA = l.matrix(block(i, "attn_kv_a_mqa"), c.hidden(), c.cacheWidth());
            WeightMatrix[] kAbsorb = new WeightMatrix[c.heads()];
            WeightMatrix[] vUp = new WeightMatrix[c.heads()];
            if (c.mlaLayout()) {
                StackedWeights kb = l.stack(block(i, "attn_k_b"), c.qkNopeDim(), c.kvLoraRank(), c.heads());
                StackedWeights vb = l.stack(block(i, "attn_v_b"), c.kvLoraRank(), c.vHeadDim(), c.heads());
                for (int h = 0; h < c.heads(); h++) {
                    kAbsorb[h] = kb.get(h);
                    vUp[h] = vb.get(h);
                }
            } else {
                // attn_kv_b {kv_lora, heads·(nope+v)}: per head, nope rows of k then v_head rows of v
                WeightMatrix kvb = l.matrix(block(i, "attn_kv_b"), c.kvLoraRank(), c.heads() * (c.qkNopeDim() + c.vHeadDim()));
                for (int h = 0; h < c.heads(); h++) {
                    int first = h * (c.qkNopeDim() + c.vHeadDim());
                    kAbsorb[h] = transposedF32(kvb.rows(first, c.qkNopeDim()), derived);
                    vUp[h] = kvb.rows(first + c.qkNopeDim(), c.vHeadDim());
                }
            }
            FeedForwardWeights ffn;
            if (c.isMoeLayer(i)) {
                FeedForwardWeights.Dense shared = c.sharedExperts() > 0 ? new FeedForwardWeights.Dense(
                        l.matrix(block(i, "ffn_gate_shexp"), c.hidden(), c.sharedExperts() * c.expertFfn()),
                        l.matrix(block(i, "ffn_up_shexp"), c.hidden(), c.sharedExperts() * c.expertFfn()),
                        l.matrix(block(i, "ffn_down_shexp"), c.sharedExperts() * c.expertFfn(), c.hidden())) : null;
                ffn = new FeedForwardWeights.Moe(
                        l.matrix(block(i, "ffn_gate_inp"), c.hidden(), c.experts()),
                        l.stack(block(i, "ffn_gate_exps"), c.hidden(), c.expertFfn(), c.experts()),
                        l.stack(block(i, "ffn_up_exps"), c.hidden(), c.expertFfn(), c.experts()),
                        l.stack(block(i, "ffn_down_exps"), c.expertFfn(), c.hidden(), c.experts()),
                        shared);
            } else {
                ffn = new FeedForwardWeights.Dense(
                        l.matrix(block(i, "ffn_gate"), c.hidden(), c.denseFfn()),
                        l.matrix(block(i, "ffn_up"), c.hidden(), c.denseFfn()),
                        l.matrix(block(i, "ffn_down"), c.denseFfn(), c.hidden()));
            }
            layers.add(new LayerWeights(l.vector(block(i, "attn_norm"), c.hidden()), q, kvA,
                    l.vector(block(i, "attn_kv_a_norm"), c.kvLoraRank()), kAbsorb, vUp,
                    l.matrix(block(i, "attn_output"), c.heads() * c.vHeadDim(), c.hidden()),
                    l.vector(block(i, "ffn_norm"), c.hidden()), ffn));
        }
        return new DeepSeek2Weights(embd, List.copyOf(layers), l.vector(TensorNames.OUTPUT_NORM, c.hidden()),
                l.matrix(TensorNames.OUTPUT, c.hidden(), c.vocabularySize()));
    }

    /** {@code [rows][cols]} → F32 {@code [cols][rows]}. */
    private static WeightMatrix transposedF32(WeightMatrix w, Arena arena) {
        float[] src = new float[w.rows() * w.cols()];
        for (int r = 0; r < w.rows(); r++) {
            Dequantizer.dequantize(w.type(), w.data(), r * w.rowBytes(), src, r * w.cols(), w.cols());
        }
        MemorySegment dst = arena.allocate(4L * src.length, 64);
        for (int r = 0; r < w.rows(); r++) {
            for (int col = 0; col < w.cols(); col++) {
                dst.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, (long) col * w.rows() + r, src[r * w.cols() + col]);
            }
        }
        return new WeightMatrix(w.name() + "ᵀ", GgmlType.F32, dst, w.cols(), w.rows());
    }

    private record Loader(GgufFile file) {

        private GgufTensorInfo checked(String name, long... shape) {
            GgufTensorInfo t = file.tensor(name);
            if (!Arrays.equals(t.shape(), shape)) {
                throw new ModelFormatException("tensor " + name + " in " + file.path().getFileName() + ": expected shape "
                        + Arrays.toString(shape) + " (ne0 first) from the deepseek2.* keys, found "
                        + Arrays.toString(t.shape()) + "; the file's metadata and tensors disagree, re-convert it");
            }
            if (!t.type().computable()) {
                throw new ModelFormatException("tensor " + name + " in " + file.path().getFileName() + " has type "
                        + t.type().ggmlName() + ", which seekfix cannot compute with (supported: F32, F16, BF16, Q4_0, Q4_1, "
                        + "Q5_0, Q5_1, Q8_0, Q4_K, Q5_K, Q6_K); use a Q4_K_M, Q8_0 or F16 file of this model, or "
                        + "re-quantize it with seekfix engine quantize");
            }
            return t;
        }

        WeightMatrix matrix(String name, int cols, int rows) {
            checked(name, cols, rows);
            return WeightMatrix.of(file, name);
        }

        StackedWeights stack(String name, int cols, int rows, int count) {
            checked(name, cols, rows, count);
            return StackedWeights.of(file, name);
        }

        float[] vector(String name, int n) {
            GgufTensorInfo t = checked(name, n);
            return Dequantizer.dequantize(t.type(), file.tensorData(name), n);
        }
    }
}
