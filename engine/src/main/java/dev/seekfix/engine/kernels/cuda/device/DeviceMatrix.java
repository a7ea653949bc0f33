package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.tensor.GgmlType;

/**
 * Weights in device memory: {@code count} matrices (experts, heads; 1 for a plain matrix) of {@code rows} rows of
 * {@code cols} elements in {@code type}'s block layout, matrix {@code m} at {@code address + m · matrixBytes()}.
 */
public record DeviceMatrix(String name, GgmlType type, long address, int rows, int cols, int count) {

    public long rowBytes() {
        return type.rowBytes(cols);
    }

    public long matrixBytes() {
        return rowBytes() * rows;
    }

    /** Matrix {@code m} alone. */
    public DeviceMatrix get(int m) {
        if (m < 0 || m >= count) throw new IndexOutOfBoundsException("matrix " + m + " of " + count + " in " + name);
        return new DeviceMatrix(name + "[" + m + "]", type, address + m * matrixBytes(), rows, cols, 1);
    }
}
