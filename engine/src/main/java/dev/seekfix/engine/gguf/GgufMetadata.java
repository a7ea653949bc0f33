package dev.seekfix.engine.gguf;

import dev.seekfix.engine.api.ModelFormatException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key/value metadata of a GGUF file, in file order, with typed accessors. Raw values ({@link #get}) are
 * {@code Long} for every integer type (u64 above 2^63 wraps negative), {@code Float} for f32, {@code Double} for
 * f64, {@code Boolean}, {@code String} or {@link GgufArray}. Getters without a default throw a
 * {@link ModelFormatException} that names the key, the file, and the type found.
 */
public final class GgufMetadata {

    /** One typed value. */
    public record Entry(GgufValueType type, Object value) {
    }

    private final String source;
    private final Map<String, Entry> entries; // insertion = file order

    GgufMetadata(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these entries (to copy a file's metadata and change some keys). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entries.putAll(entries);
        return b;
    }

    /** Where the metadata came from (the file name), for messages. */
    public String source() { return source; }

    public Set<String> keys() { return entries.keySet(); }

    public Map<String, Entry> entries() { return entries; }

    public boolean has(String key) { return entries.containsKey(key); }

    /** The raw value, or null when absent. */
    public Object get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public GgufValueType type(String key) {
        return require(key).type();
    }

    public String getString(String key) {
        return expect(key, String.class, "a string");
    }

    public String getString(String key, String fallback) {
        return has(key) ? getString(key) : fallback;
    }

    /** Any integer type; u64 values above {@code Long.MAX_VALUE} are rejected. */
    public long getLong(String key) {
        Entry e = require(key);
        if (!e.type().isInteger()) throw wrongType(key, e, "an integer");
        long v = (Long) e.value();
        if (e.type() == GgufValueType.UINT64 && v < 0) {
            throw new ModelFormatException("GGUF key " + key + " in " + source + ": u64 value "
                    + Long.toUnsignedString(v) + " is larger than this engine accepts (max " + Long.MAX_VALUE + ")");
        }
        return v;
    }

    public long getLong(String key, long fallback) {
        return has(key) ? getLong(key) : fallback;
    }

    /** An integer value that must fit an int (dimensions, counts, token ids). */
    public int getInt(String key) {
        long v = getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ModelFormatException("GGUF key " + key + " in " + source + ": expected a value that fits"
                    + " a 32-bit int, found " + v);
        }
        return (int) v;
    }

    public int getInt(String key, int fallback) {
        return has(key) ? getInt(key) : fallback;
    }

    /** f32 or f64 (integers are accepted too: some converters write whole-number floats as ints). */
    public double getDouble(String key) {
        Entry e = require(key);
        return switch (e.value()) {
            case Float f -> f;
            case Double d -> d;
            case Long l when e.type().isInteger() -> l;
            default -> throw wrongType(key, e, "a float");
        };
    }

    public double getDouble(String key, double fallback) {
        return has(key) ? getDouble(key) : fallback;
    }

    public boolean getBoolean(String key) {
        return expect(key, Boolean.class, "a bool");
    }

    public boolean getBoolean(String key, boolean fallback) {
        return has(key) ? getBoolean(key) : fallback;
    }

    public GgufArray getArray(String key) {
        return expect(key, GgufArray.class, "an array");
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringArray(String key) {
        GgufArray a = getArray(key);
        if (a.elementType() != GgufValueType.STRING) throw wrongElementType(key, a, "strings");
        return (List<String>) a.values();
    }

    /** Any integer array whose values fit an int. A fresh copy for u32/i64/u64 arrays, else the stored array. */
    public int[] getIntArray(String key) {
        GgufArray a = getArray(key);
        return switch (a.values()) {
            case int[] ints -> ints.clone();
            case long[] longs when a.elementType().isInteger() -> {
                int[] out = new int[longs.length];
                for (int i = 0; i < longs.length; i++) {
                    if (longs[i] < Integer.MIN_VALUE || longs[i] > Integer.MAX_VALUE) {
                        throw new ModelFormatException("GGUF key " + key + " in " + source + ": element " + i
                                + " = " + longs[i] + " does not fit a 32-bit int");
                    }
                    out[i] = (int) longs[i];
                }
                yield out;
            }
            default -> throw wrongElementType(key, a, "integers");
        };
    }

    public long[] getLongArray(String key) {
        GgufArray a = getArray(key);
        return switch (a.values()) {
            case long[] longs -> longs.clone();
            case int[] ints -> {
                long[] out = new long[ints.length];
                for (int i = 0; i < ints.length; i++) out[i] = ints[i];
                yield out;
            }
            default -> throw wrongElementType(key, a, "integers");
        };
    }

    public float[] getFloatArray(String key) {
        GgufArray a = getArray(key);
        return switch (a.values()) {
            case float[] f -> f.clone();
            case double[] d -> {
                float[] out = new float[d.length];
                for (int i = 0; i < d.length; i++) out[i] = (float) d[i];
                yield out;
            }
            default -> throw wrongElementType(key, a, "floats");
        };
    }

    private Entry require(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            throw new ModelFormatException("GGUF key " + key + " is missing in " + source
                    + "; the file was written by a converter that does not support this model, re-convert it with"
                    + " a current llama.cpp convert_hf_to_gguf.py");
        }
        return e;
    }

    private <T> T expect(String key, Class<T> type, String what) {
        Entry e = require(key);
        if (!type.isInstance(e.value())) throw wrongType(key, e, what);
        return type.cast(e.value());
    }

    private ModelFormatException wrongType(String key, Entry e, String what) {
        return new ModelFormatException("GGUF key " + key + " in " + source + ": expected " + what + ", found "
                + e.type() + " " + e.value());
    }

    private ModelFormatException wrongElementType(String key, GgufArray a, String what) {
        return new ModelFormatException("GGUF key " + key + " in " + source + ": expected an array of " + what
                + ", found an array of " + a.elementType());
    }

    @Override
    public String toString() {
        return "GgufMetadata[" + source + ", " + entries.size() + " keys]";
    }

    /** Builds metadata for {@link GgufWriter}; keys keep insertion order, putting a key again replaces it. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        public Builder put(String key, GgufValueType type, Object value) {
            entries.put(key, new Entry(type, checked(key, type, value)));
            return this;
        }

        public Builder putString(String key, String value) { return put(key, GgufValueType.STRING, value); }

        public Builder putUInt32(String key, long value) { return put(key, GgufValueType.UINT32, value); }

        public Builder putInt32(String key, int value) { return put(key, GgufValueType.INT32, (long) value); }

        public Builder putUInt64(String key, long value) { return put(key, GgufValueType.UINT64, value); }

        public Builder putFloat32(String key, float value) { return put(key, GgufValueType.FLOAT32, value); }

        public Builder putFloat64(String key, double value) { return put(key, GgufValueType.FLOAT64, value); }

        public Builder putBool(String key, boolean value) { return put(key, GgufValueType.BOOL, value); }

        public Builder putStrings(String key, List<String> values) {
            return put(key, GgufValueType.ARRAY, new GgufArray(GgufValueType.STRING, List.copyOf(values)));
        }

        public Builder putInt32s(String key, int[] values) {
            return put(key, GgufValueType.ARRAY, new GgufArray(GgufValueType.INT32, values.clone()));
        }

        public Builder putFloat32s(String key, float[] values) {
            return put(key, GgufValueType.ARRAY, new GgufArray(GgufValueType.FLOAT32, values.clone()));
        }

        public Builder remove(String key) {
            entries.remove(key);
            return this;
        }

        public GgufMetadata build() {
            return new GgufMetadata("<built>", entries);
        }

        private static Object checked(String key, GgufValueType type, Object value) {
            Object v = switch (type) {
                case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 ->
                        value instanceof Number n && !(value instanceof Float) && !(value instanceof Double)
                                ? (Object) n.longValue() : null;
                case FLOAT32 -> value instanceof Number n ? (Object) n.floatValue() : null;
                case FLOAT64 -> value instanceof Number n ? (Object) n.doubleValue() : null;
                case BOOL -> value instanceof Boolean ? value : null;
                case STRING -> value instanceof String ? value : null;
                case ARRAY -> value instanceof GgufArray ? value : null;
            };
            if (v == null) {
                throw new IllegalArgumentException("GGUF key " + key + ": a " + type + " value cannot be "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            return v;
        }
    }
}
