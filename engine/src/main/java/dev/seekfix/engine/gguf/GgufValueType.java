package dev.seekfix.engine.gguf;

import java.util.Optional;

/** GGUF metadata value types ({@code gguf_type} in ggml's {@code gguf.h}), with their encoded sizes. */
public enum GgufValueType {
    UINT8(0, 1), INT8(1, 1), UINT16(2, 2), INT16(3, 2), UINT32(4, 4), INT32(5, 4), FLOAT32(6, 4), BOOL(7, 1),
    /** u64 length + UTF-8 bytes. */
    STRING(8, 8),
    /** u32 element type + u64 count + elements. */
    ARRAY(9, 12),
    UINT64(10, 8), INT64(11, 8), FLOAT64(12, 8);

    private final int id;
    private final int minBytes;

    GgufValueType(int id, int minBytes) {
        this.id = id;
        this.minBytes = minBytes;
    }

    public static Optional<GgufValueType> byId(int id) {
        for (GgufValueType t : values()) if (t.id == id) return Optional.of(t);
        return Optional.empty();
    }

    public int id() { return id; }

    /** The fewest bytes one value of this type takes in a file (exact for fixed-size types). */
    public int minBytes() { return minBytes; }

    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
            case FLOAT32, BOOL, STRING, ARRAY, FLOAT64 -> false;
        };
    }
}
