package dev.seekfix.engine.gguf;

import dev.seekfix.engine.api.ModelFormatException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF file mapped read-only into memory (FFM, so files above 2 GiB work). Weights are never copied:
 * {@link #tensorData} returns slices of the mapping, valid until {@link #close()}.
 * Layout: ggml {@code docs/gguf.md}; parsing and validation in {@link GgufParser}.
 */
public final class GgufFile implements AutoCloseable {

    public static final int DEFAULT_ALIGNMENT = 32;

    private final Path path;
    private final Arena arena;
    private final MemorySegment mapping;
    private final int version;
    private final GgufMetadata metadata;
    private final Map<String, GgufTensorInfo> tensors; // file order
    private final long dataStart;
    private final int alignment;

    GgufFile(Path path, Arena arena, MemorySegment mapping, GgufParser.Parsed parsed) {
        this.path = path;
        this.arena = arena;
        this.mapping = mapping;
        this.version = parsed.version();
        this.metadata = parsed.metadata();
        LinkedHashMap<String, GgufTensorInfo> byName = new LinkedHashMap<>();
        for (GgufTensorInfo t : parsed.tensors()) byName.put(t.name(), t);
        this.tensors = Collections.unmodifiableMap(byName);
        this.dataStart = parsed.dataStart();
        this.alignment = parsed.alignment();
    }

    /** Maps and validates {@code path}; throws {@link ModelFormatException} for anything that is not a usable GGUF. */
    public static GgufFile open(Path path) {
        return load(path, (ch, size, arena) -> ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena));
    }

    /**
     * Reads {@code path} whole into process memory (llama.cpp's {@code --no-mmap}) and validates it like {@link #open}.
     * The memory is allocated once at the file's size, so a file larger than the machine can hold fails here, with
     * what to do, before anything runs.
     */
    public static GgufFile read(Path path) {
        return load(path, (ch, size, arena) -> {
            MemorySegment data;
            try {
                data = arena.allocate(size, 4096);
            } catch (OutOfMemoryError e) {
                throw new ModelFormatException("cannot read model file " + path + " (" + size / (1 << 20)
                        + " MiB) into memory: the allocation failed; free memory or load it mapped (without --no-mmap)", e);
            }
            for (long at = 0; at < size; ) { // ByteBuffer views are limited to 2 GiB: read in 64 MiB pieces
                int n = ch.read(data.asSlice(at, Math.min(64L << 20, size - at)).asByteBuffer(), at);
                if (n < 0) throw new IOException("file ended at byte " + at + " of " + size + " while reading");
                at += n;
            }
            return data;
        });
    }

    /** How the bytes of a non-empty file of {@code size} bytes get into a segment owned by {@code arena}. */
    @FunctionalInterface
    private interface Loader {
        MemorySegment load(FileChannel ch, long size, Arena arena) throws IOException;
    }

    private static GgufFile load(Path path, Loader loader) {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            MemorySegment data = size == 0 ? MemorySegment.NULL.reinterpret(0) : loader.load(ch, size, arena);
            GgufParser.Parsed parsed = new GgufParser(path.getFileName().toString(), data).parse();
            return new GgufFile(path, arena, data, parsed);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new ModelFormatException("model file " + path + " does not exist; check the path", e);
        } catch (IOException e) {
            arena.close();
            throw new ModelFormatException("cannot read model file " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public Path path() { return path; }

    public int version() { return version; }

    public GgufMetadata metadata() { return metadata; }

    /** {@code general.architecture}, e.g. {@code deepseek2}. */
    public String architecture() {
        return metadata.getString("general.architecture");
    }

    public int alignment() { return alignment; }

    /** Byte offset of the data section in the file. */
    public long dataStart() { return dataStart; }

    public long fileSize() { return mapping.byteSize(); }

    /** All tensors in file order. */
    public List<GgufTensorInfo> tensors() {
        return List.copyOf(tensors.values());
    }

    public boolean hasTensor(String name) {
        return tensors.containsKey(name);
    }

    public GgufTensorInfo tensor(String name) {
        GgufTensorInfo t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException("tensor " + name + " is missing in " + path.getFileName()
                    + "; the file is incomplete or made for another architecture variant");
        }
        return t;
    }

    /** The tensor's bytes, a read-only view of the mapping (no copy). */
    public MemorySegment tensorData(String name) {
        GgufTensorInfo t = tensor(name);
        return mapping.asSlice(dataStart + t.offset(), t.byteSize());
    }

    /** The whole mapping (read-only). */
    public MemorySegment mapping() { return mapping; }

    @Override
    public void close() {
        if (arena.scope().isAlive()) arena.close();
    }

    @Override
    public String toString() {
        return "GgufFile[" + path + ", v" + version + ", " + tensors.size() + " tensors]";
    }
}
