package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufMetadata;
import dev.seekfix.engine.gguf.GgufTensorInfo;
import dev.seekfix.engine.gguf.GgufTensorToWrite;
import dev.seekfix.engine.gguf.GgufWriter;
import dev.seekfix.engine.gguf.TensorContent;
import dev.seekfix.engine.tensor.Dequantizer;
import dev.seekfix.engine.tensor.GgmlType;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@code quantize IN OUT TYPE}: rewrites every tensor of a GGUF in the type {@link QuantMix} gives it (through
 * float32: dequantize, then ggml's reference quantizer), copies tensors whose type does not change, and keeps
 * all metadata but {@code general.file_type}. Like llama-quantize without an importance matrix.
 */
public final class ModelQuantizer {

    private ModelQuantizer() {
    }

    /** @return the tensors' total size in the output */
    public static long quantize(Path in, Path out, FileType type, WriteProgress bytesWritten) {
        try (GgufFile file = GgufFile.open(in)) {
            GgufMetadata meta = file.metadata();
            String arch = file.architecture();
            int layers = meta.getInt(arch + ".block_count", 0);
            int experts = meta.getInt(arch + ".expert_count", 0);
            QuantMix mix = new QuantMix(type, layers, experts);
            long[] written = {0};
            long[] total = {0};
            LongConsumer progress = n -> {
                written[0] += n;
                bytesWritten.written(written[0], total[0]);
            };
            List<GgufTensorToWrite> tensors = new ArrayList<>();
            for (GgufTensorInfo t : file.tensors()) {
                if (!t.type().computable()) {
                    throw new ModelFormatException("tensor " + t.name() + " in " + in.getFileName() + " has type "
                            + t.type().ggmlName() + ", which seekfix cannot read; quantize from an F32, F16 or BF16 file");
                }
                GgmlType target = mix.typeOf(t.name(), t.shape());
                MemorySegment data = file.tensorData(t.name());
                TensorContent content;
                if (target == t.type()) {
                    long size = data.byteSize();
                    content = channel -> {
                        TensorContent.of(data).writeTo(channel);
                        progress.accept(size);
                    };
                } else {
                    int cols = Math.toIntExact(t.ne(0));
                    long rows = t.elementCount() / cols;
                    long srcRowBytes = t.rowBytes();
                    GgmlType from = t.type();
                    content = new ChunkedTensorContent(target, rows, cols, (r0, r1, values) -> {
                        for (long r = r0; r < r1; r++) {
                            Dequantizer.dequantize(from, data, r * srcRowBytes, values, (int) ((r - r0) * cols), cols);
                        }
                    }, progress);
                }
                tensors.add(new GgufTensorToWrite(t.name(), target, t.shape(), content));
                total[0] += tensors.getLast().byteSize();
            }
            GgufMetadata outMeta = meta.toBuilder().putUInt32("general.file_type", type.ftype()).build();
            GgufWriter.write(out, outMeta, tensors);
            return total[0];
        }
    }
}
