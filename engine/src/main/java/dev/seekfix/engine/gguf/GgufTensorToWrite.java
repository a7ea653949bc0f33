package dev.seekfix.engine.gguf;

import dev.seekfix.engine.tensor.GgmlType;

/**
 * A tensor for {@link GgufWriter}.
 *
 * @param shape ggml {@code ne}, contiguous dimension first
 */
public record GgufTensorToWrite(String name, GgmlType type, long[] shape, TensorContent content) {

    public GgufTensorToWrite {
        shape = shape.clone();
        if (shape.length < 1 || shape.length > GgufParser.MAX_DIMS) {
            throw new IllegalArgumentException("tensor " + name + ": 1.." + GgufParser.MAX_DIMS + " dimensions, found "
                    + shape.length);
        }
        if (shape[0] % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor " + name + ": " + type + " rows must be a multiple of "
                    + type.blockSize() + ", found " + shape[0]);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long byteSize() {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return type.rowBytes(n);
    }
}
