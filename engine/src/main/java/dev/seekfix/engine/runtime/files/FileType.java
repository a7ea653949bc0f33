package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.tensor.GgmlType;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code quantize} and {@code init-random} can write: llama.cpp's {@code llama_ftype} values (stored as
 * {@code general.file_type}) with the base type of their weight matrices; {@link QuantMix} decides the
 * exceptions per tensor.
 */
public enum FileType {
    F32(0, GgmlType.F32),
    F16(1, GgmlType.F16),
    BF16(32, GgmlType.BF16),
    Q4_0(2, GgmlType.Q4_0),
    Q5_0(8, GgmlType.Q5_0),
    Q5_1(9, GgmlType.Q5_1),
    Q8_0(7, GgmlType.Q8_0),
    Q4_K_M(15, GgmlType.Q4_K),
    Q6_K(18, GgmlType.Q6_K);

    private final int ftype;
    private final GgmlType base;

    FileType(int ftype, GgmlType base) {
        this.ftype = ftype;
        this.base = base;
    }

    /** {@code general.file_type}. */
    public int ftype() {
        return ftype;
    }

    public GgmlType base() {
        return base;
    }

    public static FileType parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EngineException("unknown type '" + name + "'; expected one of "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
