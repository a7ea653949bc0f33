package dev.seekfix.engine.gguf;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The bytes of one tensor, produced when {@link GgufWriter} reaches it, so that a writer of a large model
 * holds one tensor at a time. It must write exactly the tensor's byte size at the channel's position.
 */
@FunctionalInterface
public interface TensorContent {

    void writeTo(FileChannel out) throws IOException;

    static TensorContent of(MemorySegment bytes) {
        return out -> {
            ByteBuffer buf = bytes.asByteBuffer();
            while (buf.hasRemaining()) out.write(buf);
        };
    }

    static TensorContent of(byte[] bytes) {
        return of(MemorySegment.ofArray(bytes));
    }

    /** Little-endian float32 values. */
    static TensorContent ofFloats(float[] values) {
        return out -> {
            ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            MemorySegment.copy(values, 0, MemorySegment.ofBuffer(buf),
                    ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0, values.length);
            while (buf.hasRemaining()) out.write(buf);
        };
    }
}
