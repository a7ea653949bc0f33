package dev.seekfix.engine.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Little-endian reads and writes of the fields inside ggml blocks (ggml-common.h). */
final class BlockLayout {

    static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private BlockLayout() {
    }

    static float f16(MemorySegment s, long offset) {
        return Float.float16ToFloat(s.get(I16, offset));
    }

    static void putF16(MemorySegment s, long offset, float v) {
        s.set(I16, offset, Float.floatToFloat16(v));
    }

    static int u8(MemorySegment s, long offset) {
        return s.get(ValueLayout.JAVA_BYTE, offset) & 0xFF;
    }

    static int i8(MemorySegment s, long offset) {
        return s.get(ValueLayout.JAVA_BYTE, offset);
    }

    static void put8(MemorySegment s, long offset, int v) {
        s.set(ValueLayout.JAVA_BYTE, offset, (byte) v);
    }

    /**
     * The 6-bit scale ({@code out[0]}) and min ({@code out[1]}) of sub-block {@code j} of a Q4_K/Q5_K block
     * whose 12 packed scale bytes start at {@code scales} (ggml-quants.c {@code get_scale_min_k4}).
     */
    static void scaleMinK4(MemorySegment s, long scales, int j, int[] out) {
        if (j < 4) {
            out[0] = u8(s, scales + j) & 63;
            out[1] = u8(s, scales + j + 4) & 63;
        } else {
            out[0] = (u8(s, scales + j + 4) & 0xF) | ((u8(s, scales + j - 4) >> 6) << 4);
            out[1] = (u8(s, scales + j + 4) >> 4) | ((u8(s, scales + j) >> 6) << 4);
        }
    }
}
