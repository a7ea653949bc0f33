package dev.seekfix.engine.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes GGUF v3 files (little-endian): header, metadata in the builder's order, tensor infos, then each
 * tensor's data padded to {@code general.alignment} (default 32), as ggml {@code gguf_write_to_file} does.
 * Writes to a temporary sibling and moves it into place, so a failed write leaves no half file.
 */
public final class GgufWriter {

    private GgufWriter() {
    }

    public static void write(Path path, GgufMetadata metadata, List<GgufTensorToWrite> tensors) {
        int alignment = metadata.has("general.alignment") ? (int) metadata.getLong("general.alignment")
                : GgufFile.DEFAULT_ALIGNMENT;
        Set<String> names = new HashSet<>();
        for (GgufTensorToWrite t : tensors) {
            if (!names.add(t.name())) throw new IllegalArgumentException("duplicate tensor name " + t.name());
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".partial");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Header h = new Header();
            h.u32(GgufParser.MAGIC).u32(3).u64(tensors.size()).u64(metadata.entries().size());
            for (Map.Entry<String, GgufMetadata.Entry> e : metadata.entries().entrySet()) {
                h.string(e.getKey()).u32(e.getValue().type().id());
                h.value(e.getValue().type(), e.getValue().value());
            }
            long offset = 0;
            for (GgufTensorToWrite t : tensors) {
                long[] shape = t.shape();
                h.string(t.name()).u32(shape.length);
                for (long d : shape) h.u64(d);
                h.u32(t.type().id()).u64(offset);
                offset = GgufParser.alignUp(offset + t.byteSize(), alignment);
            }
            h.pad(alignment);
            h.flushTo(out);
            long dataStart = out.position();
            offset = 0;
            for (GgufTensorToWrite t : tensors) {
                out.position(dataStart + offset);
                t.content().writeTo(out);
                long written = out.position() - dataStart - offset;
                if (written != t.byteSize()) {
                    throw new IllegalStateException("tensor " + t.name() + ": content wrote " + written
                            + " bytes, expected " + t.byteSize() + " for " + t.type() + " " + java.util.Arrays.toString(t.shape()));
                }
                long next = GgufParser.alignUp(offset + t.byteSize(), alignment);
                if (next > offset + written) {
                    out.write(ByteBuffer.allocate((int) (next - offset - written)));
                }
                offset = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + path, e);
        }
    }

    /** Accumulates the header in memory (it is small: even a 102400-token vocabulary is a few MB). */
    private static final class Header {
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        private void ensure(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        Header u8(int v) { ensure(1); buf.put((byte) v); return this; }

        Header u16(int v) { ensure(2); buf.putShort((short) v); return this; }

        Header u32(int v) { ensure(4); buf.putInt(v); return this; }

        Header u64(long v) { ensure(8); buf.putLong(v); return this; }

        Header f32(float v) { ensure(4); buf.putFloat(v); return this; }

        Header f64(double v) { ensure(8); buf.putDouble(v); return this; }

        Header string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            ensure(b.length);
            buf.put(b);
            return this;
        }

        void value(GgufValueType type, Object v) {
            switch (type) {
                case UINT8, INT8 -> u8((int) (long) (Long) v);
                case UINT16, INT16 -> u16((int) (long) (Long) v);
                case UINT32, INT32 -> u32((int) (long) (Long) v);
                case UINT64, INT64 -> u64((Long) v);
                case FLOAT32 -> f32((Float) v);
                case FLOAT64 -> f64((Double) v);
                case BOOL -> u8((Boolean) v ? 1 : 0);
                case STRING -> string((String) v);
                case ARRAY -> array((GgufArray) v);
            }
        }

        void array(GgufArray a) {
            GgufValueType t = a.elementType();
            u32(t.id()).u64(a.length());
            switch (a.values()) {
                case int[] ints -> { for (int x : ints) value(t, (long) x); }
                case long[] longs -> { for (long x : longs) value(t, x); }
                case float[] fs -> { for (float x : fs) f32(x); }
                case double[] ds -> { for (double x : ds) f64(x); }
                case boolean[] bs -> { for (boolean x : bs) u8(x ? 1 : 0); }
                case List<?> list -> { for (Object o : list) value(t, o); }
                default -> throw new IllegalStateException("unreachable: " + a.values().getClass());
            }
        }

        void pad(int alignment) {
            int n = (int) (GgufParser.alignUp(buf.position(), alignment) - buf.position());
            ensure(n);
            buf.put(new byte[n]);
        }

        void flushTo(FileChannel out) throws IOException {
            buf.flip();
            while (buf.hasRemaining()) out.write(buf);
        }
    }
}
