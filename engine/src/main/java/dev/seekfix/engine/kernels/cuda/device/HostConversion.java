package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.tensor.Dequantizer;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.HalfFloats;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Converts a tensor the device has no kernel for (Q4_0, Q4_1, Q5_1, Q5_K) to F16, or any tensor to F32, on the host
 * before upload (WeightUploadPlan decides which). Row by row, so no whole-tensor float copy is made.
 */
public final class HostConversion {

    private HostConversion() {
    }

    /** @return the converted rows in {@code arena}, {@code rows · rowBytes(deviceType)} bytes */
    public static MemorySegment convert(GgmlType from, MemorySegment src, long rows, int cols, GgmlType to, Arena arena) {
        long srcRow = from.rowBytes(cols);
        long dstRow = to.rowBytes(cols);
        MemorySegment dst = arena.allocate(dstRow * rows, 256);
        float[] row = new float[cols];
        for (long r = 0; r < rows; r++) {
            Dequantizer.dequantize(from, src, r * srcRow, row, 0, cols);
            long at = r * dstRow;
            switch (to) {
                case F32 -> MemorySegment.copy(row, 0, dst, ValueLayout.JAVA_FLOAT_UNALIGNED, at, cols);
                case F16 -> {
                    for (int c = 0; c < cols; c++) dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + 2L * c, HalfFloats.floatToF16(row[c]));
                }
                default -> throw new IllegalArgumentException("host conversion to " + to + " is not a device format");
            }
        }
        return dst;
    }
}
