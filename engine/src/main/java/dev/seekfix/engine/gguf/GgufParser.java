package dev.seekfix.engine.gguf;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.tensor.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the header of a mapped GGUF file: magic, version, metadata, tensor infos, alignment.
 * Every count and length is checked against the bytes left in the file <em>before</em> anything is allocated,
 * so a corrupt header yields a {@link ModelFormatException}, never an absurd allocation.
 * Format: ggml {@code docs/gguf.md}; checks follow ggml {@code src/gguf.cpp}.
 */
final class GgufParser {

    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
    static final int MAX_DIMS = 4; // GGML_MAX_DIMS
    private static final int MAX_NESTING = 8;

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    record Parsed(int version, GgufMetadata metadata, List<GgufTensorInfo> tensors, long dataStart, int alignment) {
    }

    private final String source;
    private final MemorySegment file;
    private final long size;
    private long pos;
    private String where = "header";

    GgufParser(String source, MemorySegment file) {
        this.source = source;
        this.file = file;
        this.size = file.byteSize();
    }

    Parsed parse() {
        if (size < 4 || file.get(U32, 0) != MAGIC) {
            byte[] head = new byte[(int) Math.min(4, size)];
            MemorySegment.copy(file, ValueLayout.JAVA_BYTE, 0, head, 0, head.length);
            throw error("not a GGUF file: expected magic 'GGUF' at offset 0, found " + describe(head)
                    + "; pass a .gguf model (llama.cpp format)");
        }
        pos = 4;
        int version = u32("version");
        if (version == 0x03000000 || version == 0x02000000) {
            throw error("big-endian GGUF files are not supported; use the little-endian file");
        }
        if (version != 2 && version != 3) {
            throw error("unsupported GGUF version " + Integer.toUnsignedString(version)
                    + ": this engine reads versions 2 and 3; re-convert the model with a current llama.cpp");
        }
        long tensorCount = u64("tensor count");
        long kvCount = u64("metadata key count");
        // each key/value takes at least 8 (key length) + 4 (type) + 1 bytes, each tensor info at least 8+4+8+4+8
        checkCount(kvCount, 13, "metadata key count");
        checkCount(tensorCount, 32, "tensor count");

        Map<String, GgufMetadata.Entry> entries = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            where = "metadata entry " + i;
            String key = string("key");
            where = "metadata key " + key;
            int typeId = u32("value type");
            GgufValueType type = GgufValueType.byId(typeId).orElseThrow(() -> error(
                    "unknown value type id " + Integer.toUnsignedString(typeId) + " (valid: 0..12)"));
            Object value = value(type, 0);
            if (entries.putIfAbsent(key, new GgufMetadata.Entry(type, value)) != null) {
                throw error("duplicate metadata key " + key);
            }
        }
        GgufMetadata metadata = new GgufMetadata(source, entries);
        int alignment = alignment(metadata);

        List<ParsedInfo> infos = new ArrayList<>((int) tensorCount);
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            where = "tensor info " + i;
            String name = string("tensor name");
            where = "tensor " + name;
            if (!names.add(name)) throw error("duplicate tensor name " + name);
            int nDims = u32("dimension count");
            if (nDims < 1 || nDims > MAX_DIMS) {
                throw error("expected 1.." + MAX_DIMS + " dimensions, found " + Integer.toUnsignedString(nDims));
            }
            long[] shape = new long[nDims];
            for (int d = 0; d < nDims; d++) shape[d] = u64("dimension " + d);
            int typeId = u32("type");
            long offset = u64("data offset");
            infos.add(new ParsedInfo(name, shape, typeId, offset));
        }
        where = "header";
        long dataStart = alignUp(pos, alignment);
        if (tensorCount > 0 && dataStart > size) {
            throw error("truncated file: the data section should start at byte " + dataStart + " but the file has "
                    + size + " bytes; download the file again");
        }
        long dataSize = Math.max(0, size - dataStart);
        List<GgufTensorInfo> tensors = new ArrayList<>(infos.size());
        for (ParsedInfo p : infos) tensors.add(p.validate(dataSize, alignment));
        return new Parsed(version, metadata, List.copyOf(tensors), dataStart, alignment);
    }

    private record ParsedInfo(String name, long[] shape, int typeId, long offset) {
        GgufTensorInfo validate(long dataSize, int alignment) {
            String at = "tensor " + name;
            GgmlType type = GgmlType.byId(typeId).orElseThrow(() -> new ModelFormatException(at
                    + ": unknown ggml type id " + Integer.toUnsignedString(typeId)
                    + "; the file needs a newer engine or is corrupt"));
            if (type.removed()) {
                throw new ModelFormatException(at + ": type " + type.ggmlName() + " (id " + typeId
                        + ") was removed from ggml; re-quantize the model from its original weights");
            }
            long elements = 1;
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] < 0) {
                    throw new ModelFormatException(at + ": dimension " + d + " is " + Long.toUnsignedString(shape[d])
                            + ", larger than any file can hold; the file is corrupt");
                }
                try {
                    elements = Math.multiplyExact(elements, shape[d]);
                } catch (ArithmeticException e) {
                    throw new ModelFormatException(at + ": shape " + Arrays.toString(shape)
                            + " has more elements than 2^63; the file is corrupt");
                }
            }
            if (shape[0] % type.blockSize() != 0) {
                throw new ModelFormatException(at + ": type " + type.ggmlName() + " needs rows that are a multiple of "
                        + type.blockSize() + " elements, found ne0 = " + shape[0] + "; the file is corrupt");
            }
            long bytes;
            try {
                bytes = Math.multiplyExact(elements / type.blockSize(), (long) type.blockBytes());
            } catch (ArithmeticException e) {
                throw new ModelFormatException(at + ": shape " + Arrays.toString(shape) + " is too large");
            }
            if (offset < 0 || offset % alignment != 0) {
                throw new ModelFormatException(at + ": data offset " + Long.toUnsignedString(offset)
                        + " is not a multiple of the alignment " + alignment + "; the file is corrupt");
            }
            if (offset > dataSize || bytes > dataSize - offset) {
                throw new ModelFormatException(at + ": data at offset " + Long.toUnsignedString(offset) + " with "
                        + bytes + " bytes (" + type.ggmlName() + " " + Arrays.toString(shape)
                        + ") lies outside the data section of " + dataSize
                        + " bytes; the file is truncated or corrupt, download it again");
            }
            return new GgufTensorInfo(name, type, shape, offset, bytes);
        }
    }

    private int alignment(GgufMetadata metadata) {
        if (!metadata.has("general.alignment")) return GgufFile.DEFAULT_ALIGNMENT;
        GgufMetadata.Entry e = metadata.entries().get("general.alignment");
        if (e.type() != GgufValueType.UINT32) {
            throw error("general.alignment must be a UINT32, found " + e.type());
        }
        long a = (Long) e.value();
        if (a <= 0 || Long.bitCount(a) != 1 || a > (1 << 30)) {
            throw error("general.alignment must be a power of two, found " + a);
        }
        return (int) a;
    }

    private Object value(GgufValueType type, int depth) {
        return switch (type) {
            case UINT8 -> (long) (u8() & 0xFF);
            case INT8 -> (long) u8();
            case UINT16 -> (long) (i16() & 0xFFFF);
            case INT16 -> (long) i16();
            case UINT32 -> Integer.toUnsignedLong(u32("u32 value"));
            case INT32 -> (long) u32("i32 value");
            case UINT64, INT64 -> u64("64-bit value");
            case FLOAT32 -> f32();
            case FLOAT64 -> f64();
            case BOOL -> {
                byte b = u8();
                if (b != 0 && b != 1) throw error("bool value must be 0 or 1, found " + b);
                yield b == 1;
            }
            case STRING -> string("string value");
            case ARRAY -> array(depth);
        };
    }

    private GgufArray array(int depth) {
        if (depth >= MAX_NESTING) throw error("arrays nested deeper than " + MAX_NESTING);
        int typeId = u32("array element type");
        GgufValueType type = GgufValueType.byId(typeId).orElseThrow(() -> error(
                "unknown array element type id " + Integer.toUnsignedString(typeId)));
        long count = u64("array length");
        checkCount(count, type.minBytes(), "array length");
        int n = (int) count;
        Object values = switch (type) {
            case UINT8, INT8, UINT16, INT16, INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) a[i] = (int) (long) (Long) value(type, depth);
                yield a;
            }
            case UINT32 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) a[i] = Integer.toUnsignedLong(file.get(U32, pos + 4L * i));
                pos += 4L * n;
                yield a;
            }
            case UINT64, INT64 -> {
                long[] a = new long[n];
                MemorySegment.copy(file, U64, pos, a, 0, n);
                pos += 8L * n;
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[n];
                MemorySegment.copy(file, F32, pos, a, 0, n);
                pos += 4L * n;
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                MemorySegment.copy(file, F64, pos, a, 0, n);
                pos += 8L * n;
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) a[i] = (Boolean) value(type, depth);
                yield a;
            }
            case STRING -> {
                List<String> a = new ArrayList<>(n);
                for (int i = 0; i < n; i++) a.add(string("string element " + i));
                yield List.copyOf(a);
            }
            case ARRAY -> {
                List<GgufArray> a = new ArrayList<>(n);
                for (int i = 0; i < n; i++) a.add(array(depth + 1));
                yield List.copyOf(a);
            }
        };
        return new GgufArray(type, values);
    }

    /** Rejects a count whose elements cannot fit in the rest of the file (so nothing absurd is allocated). */
    private void checkCount(long count, int minBytesEach, String what) {
        long left = size - pos;
        if (count < 0 || count > Integer.MAX_VALUE - 8 || count * (long) minBytesEach > left) {
            throw error(what + " " + Long.toUnsignedString(count) + " cannot fit in the " + left
                    + " bytes left in the file (at least " + minBytesEach + " bytes each); the file is truncated or corrupt");
        }
    }

    private String string(String what) {
        long len = u64(what + " length");
        if (len < 0 || len > size - pos) {
            throw error(what + " of " + Long.toUnsignedString(len) + " bytes runs past the end of the file ("
                    + (size - pos) + " bytes left); the file is truncated or corrupt");
        }
        byte[] bytes = new byte[(int) Math.min(len, Integer.MAX_VALUE - 8)];
        if (bytes.length != len) throw error(what + " of " + len + " bytes is too long");
        MemorySegment.copy(file, ValueLayout.JAVA_BYTE, pos, bytes, 0, bytes.length);
        pos += len;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // llama.cpp does not validate UTF-8 either; keep the text with replacement characters
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private void need(long n, String what) {
        if (n > size - pos) {
            throw error("truncated file: expected " + n + " bytes of " + what + " at offset " + pos + ", but the file"
                    + " has " + size + " bytes; download the file again");
        }
    }

    private byte u8() {
        need(1, "value");
        return file.get(ValueLayout.JAVA_BYTE, pos++);
    }

    private short i16() {
        need(2, "value");
        short v = file.get(U16, pos);
        pos += 2;
        return v;
    }

    private int u32(String what) {
        need(4, what);
        int v = file.get(U32, pos);
        pos += 4;
        return v;
    }

    private long u64(String what) {
        need(8, what);
        long v = file.get(U64, pos);
        pos += 8;
        return v;
    }

    private float f32() {
        need(4, "f32 value");
        float v = file.get(F32, pos);
        pos += 4;
        return v;
    }

    private double f64() {
        need(8, "f64 value");
        double v = file.get(F64, pos);
        pos += 8;
        return v;
    }

    private ModelFormatException error(String message) {
        return new ModelFormatException(source + " (" + where + "): " + message);
    }

    static long alignUp(long offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private static String describe(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (byte b : head) sb.append(String.format("%02x ", b));
        return head.length == 0 ? "an empty file" : "bytes " + sb.toString().trim();
    }
}
