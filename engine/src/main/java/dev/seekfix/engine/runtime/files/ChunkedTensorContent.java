package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.gguf.TensorContent;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.Quantizer;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Writes a tensor of {@code rows × cols} values in chunks of rows: each chunk's floats come from a
 * {@link RowSource}, are quantized to the tensor's type and written in order. Chunks of a batch are produced in
 * parallel; a source must therefore give the same values for a chunk whichever thread asks (random sources seed
 * per chunk), so files are identical on every machine.
 */
final class ChunkedTensorContent implements TensorContent {

    /** Fills {@code out[(r - from) * cols + c]} for rows {@code from ≤ r < to}. */
    @FunctionalInterface
    interface RowSource {
        void rows(long from, long to, float[] out);
    }

    private static final long CHUNK_VALUES = 1 << 18;
    private static final int CHUNKS_PER_BATCH = 16;

    private final GgmlType type;
    private final long rows;
    private final int cols;
    private final RowSource source;
    private final LongConsumer bytesWritten;

    ChunkedTensorContent(GgmlType type, long rows, int cols, RowSource source, LongConsumer bytesWritten) {
        this.type = type;
        this.rows = rows;
        this.cols = cols;
        this.source = source;
        this.bytesWritten = bytesWritten;
    }

    @Override
    public void writeTo(java.nio.channels.FileChannel out) throws IOException {
        long rowsPerChunk = Math.max(1, CHUNK_VALUES / cols);
        long chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        for (long first = 0; first < chunks; first += CHUNKS_PER_BATCH) {
            long batchFirst = first;
            int n = (int) Math.min(CHUNKS_PER_BATCH, chunks - first);
            byte[][] encoded = IntStream.range(0, n).parallel().mapToObj(i -> {
                long from = (batchFirst + i) * rowsPerChunk, to = Math.min(rows, from + rowsPerChunk);
                int values = Math.toIntExact((to - from) * cols);
                float[] f = new float[values];
                source.rows(from, to, f);
                byte[] bytes = new byte[Math.toIntExact(type.rowBytes(cols) * (to - from))];
                Quantizer.quantize(type, f, 0, values, MemorySegment.ofArray(bytes), 0);
                return bytes;
            }).toArray(byte[][]::new);
            for (byte[] b : encoded) {
                ByteBuffer buf = ByteBuffer.wrap(b);
                while (buf.hasRemaining()) out.write(buf);
                bytesWritten.accept(b.length);
            }
        }
    }
}
