package dev.seekfix.engine.kernels;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.tensor.GgmlType;

import java.lang.foreign.MemorySegment;

/**
 * A weight matrix of {@code rows} rows of {@code cols} contiguous elements (ggml {@code ne0 = cols},
 * {@code ne1 = rows}), viewing its blocks where they lie (usually the mapped model file): {@code y = W x} means
 * {@code y[r] = Σ_c W[r][c] x[c]}.
 *
 * @param name for messages and for backends that cache device copies
 */
public record WeightMatrix(String name, GgmlType type, MemorySegment data, int rows, int cols) {

    public WeightMatrix {
        if (cols % type.blockSize() != 0) {
            throw new ModelFormatException("tensor " + name + ": " + type.ggmlName() + " needs rows that are a multiple of "
                    + type.blockSize() + ", found " + cols);
        }
        if (data.byteSize() != type.rowBytes(cols) * rows) {
            throw new IllegalArgumentException("tensor " + name + ": " + rows + "×" + cols + " " + type + " needs "
                    + type.rowBytes(cols) * rows + " bytes, view has " + data.byteSize());
        }
    }

    /** A 2-D tensor of a GGUF file (a 1-D tensor is one row). */
    public static WeightMatrix of(GgufFile file, String name) {
        GgufTensorInfo t = file.tensor(name);
        if (t.dimensions() > 2) {
            throw new ModelFormatException("tensor " + name + " in " + file.path().getFileName() + ": expected 2 dimensions, found "
                    + java.util.Arrays.toString(t.shape()));
        }
        return new WeightMatrix(name, t.type(), file.tensorData(name), Math.toIntExact(t.ne(1)), Math.toIntExact(t.ne(0)));
    }

    public long rowBytes() {
        return type.rowBytes(cols);
    }

    /** Rows {@code first … first+count-1} as a matrix of their own (no copy). */
    public WeightMatrix rows(int first, int count) {
        return new WeightMatrix(name + "[" + first + ":" + (first + count) + "]", type,
                data.asSlice(first * rowBytes(), count * rowBytes()), count, cols);
    }
}
