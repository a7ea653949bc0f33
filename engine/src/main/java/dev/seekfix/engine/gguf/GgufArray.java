package dev.seekfix.engine.gguf;

import java.util.List;

/**
 * A GGUF metadata array. {@code values} holds, by element type: {@code int[]} for u8/i8/u16/i16/i32,
 * {@code long[]} for u32/i64/u64, {@code float[]} for f32, {@code double[]} for f64, {@code boolean[]} for bool,
 * {@code List<String>} for strings, {@code List<GgufArray>} for nested arrays.
 */
public record GgufArray(GgufValueType elementType, Object values) {

    public GgufArray {
        boolean ok = switch (elementType) {
            case UINT8, INT8, UINT16, INT16, INT32 -> values instanceof int[];
            case UINT32, INT64, UINT64 -> values instanceof long[];
            case FLOAT32 -> values instanceof float[];
            case FLOAT64 -> values instanceof double[];
            case BOOL -> values instanceof boolean[];
            case STRING, ARRAY -> values instanceof List<?>;
        };
        if (!ok) {
            throw new IllegalArgumentException("GGUF array of " + elementType + " cannot hold "
                    + values.getClass().getSimpleName());
        }
    }

    public int length() {
        return switch (values) {
            case int[] a -> a.length;
            case long[] a -> a.length;
            case float[] a -> a.length;
            case double[] a -> a.length;
            case boolean[] a -> a.length;
            case List<?> l -> l.size();
            default -> throw new IllegalStateException("unreachable: " + values.getClass());
        };
    }

    @Override
    public String toString() {
        return "ARRAY[" + elementType + "] (" + length() + " values)";
    }
}
