package dev.seekfix.engine.kernels.cuda.plan;

import dev.seekfix.engine.tensor.GgmlType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every weight goes in device memory, decided before anything is allocated: one allocation, each tensor at an
 * offset aligned to {@link #ALIGNMENT} bytes (cudaMalloc's own alignment, so 32-bit loads of F16/BF16 pairs and
 * 16-byte vector loads stay aligned). Quantized types with a device kernel stay as they are in the file (Q8_0, Q5_0,
 * Q4_K, Q6_K, BF16, F16, F32); 1-D tensors (norms) become F32; other types (Q4_0, Q4_1, Q5_1, Q5_K) are widened to
 * F16 on the host once, at load.
 */
public record WeightUploadPlan(List<Entry> entries, long totalBytes) {

    public static final int ALIGNMENT = 256;

    /**
     * A tensor as the file holds it.
     *
     * @param rowLength elements per row (ggml ne0)
     * @param rows      rows of all its matrices together (ne1 · ne2); 1 for a vector
     */
    public record TensorSpec(String name, GgmlType type, long rowLength, long rows) {
        public boolean vector() { return rows == 1; }
    }

    /** @param offset byte offset in the device allocation */
    public record Entry(String name, GgmlType fileType, GgmlType deviceType, long rowLength, long rows, long offset, long bytes) {
        public boolean converted() { return fileType != deviceType; }
    }

    public static WeightUploadPlan of(List<TensorSpec> tensors) {
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        for (TensorSpec t : tensors) {
            GgmlType device = deviceType(t);
            long bytes = device.rowBytes(t.rowLength()) * t.rows();
            entries.add(new Entry(t.name(), t.type(), device, t.rowLength(), t.rows(), offset, bytes));
            offset = align(offset + bytes);
        }
        return new WeightUploadPlan(List.copyOf(entries), offset);
    }

    /** The type a tensor has on the device. */
    public static GgmlType deviceType(TensorSpec t) {
        if (t.vector()) return GgmlType.F32;
        GgmlType type = t.type();
        boolean halfPairs = t.rowLength() % 2 == 0; // matvec_f16/bf16 read element pairs
        if ((type == GgmlType.F16 || type == GgmlType.BF16) && !halfPairs) return GgmlType.F32;
        if (Kernel.matvec(type).isPresent()) return type;
        return halfPairs ? GgmlType.F16 : GgmlType.F32;
    }

    public static long align(long offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    public Map<String, Entry> byName() {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) m.put(e.name(), e);
        return m;
    }

    /** Bytes of tensors that keep their file type (the rest are converted on the host). */
    public long bytesKeptAsIs() {
        return entries.stream().filter(e -> !e.converted()).mapToLong(Entry::bytes).sum();
    }
}
