package dev.seekfix.engine.tensor;

import java.util.Optional;

/**
 * The ggml tensor types, with the ids, block sizes and block byte sizes of ggml's {@code ggml.h} /
 * {@code ggml-common.h} ({@code type_traits}). Every id ggml ever assigned is named so that a file holding an
 * unsupported one fails with its name, not a number; {@link #computable()} says whether seekfix can read it.
 */
public enum GgmlType {
    F32(0, 1, 4, true),
    F16(1, 1, 2, true),
    Q4_0(2, 32, 18, true),
    Q4_1(3, 32, 20, true),
    Q4_2_REMOVED(4, 0, 0, false),
    Q4_3_REMOVED(5, 0, 0, false),
    Q5_0(6, 32, 22, true),
    Q5_1(7, 32, 24, true),
    Q8_0(8, 32, 34, true),
    Q8_1(9, 32, 36, false),
    Q2_K(10, 256, 84, false),
    Q3_K(11, 256, 110, false),
    Q4_K(12, 256, 144, true),
    Q5_K(13, 256, 176, true),
    Q6_K(14, 256, 210, true),
    Q8_K(15, 256, 292, false),
    IQ2_XXS(16, 256, 66, false),
    IQ2_XS(17, 256, 74, false),
    IQ3_XXS(18, 256, 98, false),
    IQ1_S(19, 256, 50, false),
    IQ4_NL(20, 32, 18, false),
    IQ3_S(21, 256, 110, false),
    IQ2_S(22, 256, 82, false),
    IQ4_XS(23, 256, 136, false),
    I8(24, 1, 1, false),
    I16(25, 1, 2, false),
    I32(26, 1, 4, false),
    I64(27, 1, 8, false),
    F64(28, 1, 8, false),
    IQ1_M(29, 256, 56, false),
    BF16(30, 1, 2, true),
    Q4_0_4_4_REMOVED(31, 0, 0, false),
    Q4_0_4_8_REMOVED(32, 0, 0, false),
    Q4_0_8_8_REMOVED(33, 0, 0, false),
    TQ1_0(34, 256, 54, false),
    TQ2_0(35, 256, 66, false),
    IQ4_NL_4_4_REMOVED(36, 0, 0, false),
    IQ4_NL_4_8_REMOVED(37, 0, 0, false),
    IQ4_NL_8_8_REMOVED(38, 0, 0, false),
    MXFP4(39, 32, 17, false);

    private static final GgmlType[] BY_ID = new GgmlType[64];

    static {
        for (GgmlType t : values()) BY_ID[t.id] = t;
    }

    private final int id;
    private final int blockSize;
    private final int blockBytes;
    private final boolean computable;

    GgmlType(int id, int blockSize, int blockBytes, boolean computable) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
        this.computable = computable;
    }

    public static Optional<GgmlType> byId(int id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }

    public int id() { return id; }

    /** Elements per block (1 for plain float types). */
    public int blockSize() { return blockSize; }

    /** Bytes per block. */
    public int blockBytes() { return blockBytes; }

    /** ggml dropped this id (repacked formats, early Q4 variants); no file should carry it today. */
    public boolean removed() { return blockSize == 0; }

    /** seekfix can dequantise it and multiply with it. */
    public boolean computable() { return computable; }

    /** Bytes of a row of {@code elements} values; the caller has checked divisibility by the block size. */
    public long rowBytes(long elements) {
        return Math.multiplyExact(elements / blockSize, (long) blockBytes);
    }

    /** Name as ggml prints it. */
    public String ggmlName() {
        return removed() ? name().substring(0, name().length() - "_REMOVED".length()) : name();
    }
}
