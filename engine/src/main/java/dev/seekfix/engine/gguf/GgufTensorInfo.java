package dev.seekfix.engine.gguf;

import dev.seekfix.engine.tensor.GgmlType;

import java.util.Arrays;

/**
 * One tensor of a GGUF file.
 *
 * @param shape    ggml {@code ne}: {@code shape[0]} is the contiguous dimension (a row), then rows, then matrices
 * @param offset   byte offset from the start of the data section
 * @param byteSize bytes of data
 */
public record GgufTensorInfo(String name, GgmlType type, long[] shape, long offset, long byteSize) {

    public GgufTensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int dimensions() { return shape.length; }

    /** {@code ne[i]}, or 1 beyond the stored dimensions (as ggml does). */
    public long ne(int i) {
        return i < shape.length ? shape[i] : 1;
    }

    public long elementCount() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** Bytes of one row of {@code ne0} elements. */
    public long rowBytes() {
        return type.rowBytes(shape[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && name.equals(t.name) && type == t.type
                && Arrays.equals(shape, t.shape) && offset == t.offset && byteSize == t.byteSize;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + type.ggmlName() + " " + Arrays.toString(shape) + " @" + offset + " (" + byteSize + " B)";
    }
}
