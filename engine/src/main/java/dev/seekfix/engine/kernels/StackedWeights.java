package dev.seekfix.engine.kernels;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;

/**
 * A 3-D tensor {@code [cols, rows, count]}: {@code count} consecutive matrices (MoE experts, per-head
 * {@code attn_k_b}/{@code attn_v_b}). Matrix {@code e} starts at byte {@code e · rows · rowBytes}.
 */
public record StackedWeights(WeightMatrix all, int count) {

    public static StackedWeights of(GgufFile file, String name) {
        GgufTensorInfo t = file.tensor(name);
        if (t.dimensions() != 3) {
            throw new ModelFormatException("tensor " + name + " in " + file.path().getFileName() + ": expected 3 dimensions, found "
                    + java.util.Arrays.toString(t.shape()));
        }
        int cols = Math.toIntExact(t.ne(0));
        int rows = Math.toIntExact(t.ne(1));
        int count = Math.toIntExact(t.ne(2));
        return new StackedWeights(new WeightMatrix(name, t.type(), file.tensorData(name), Math.multiplyExact(rows, count), cols),
                count);
    }

    public int rows() { return all.rows() / count; }

    public int cols() { return all.cols(); }

    /** Matrix {@code e} (a view, no copy). */
    public WeightMatrix get(int e) {
        int rows = rows();
        return all.rows(e * rows, rows);
    }
}
