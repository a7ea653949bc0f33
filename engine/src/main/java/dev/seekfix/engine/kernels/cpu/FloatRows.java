package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.tensor.GgmlType;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.seekfix.engine.kernels.cpu.Lanes.F;
import static dev.seekfix.engine.kernels.cpu.Lanes.I;
import static dev.seekfix.engine.kernels.cpu.Lanes.I16;
import static dev.seekfix.engine.kernels.cpu.Lanes.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.S2I;

/**
 * F32, F16 and BF16 rows, in natural order, against float activations (already rounded to the weight type).
 * fp16 converts by shifting exponent and mantissa into place and rescaling by 2^112 (normal and subnormal halves).
 */
final class FloatRows {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);

    private FloatRows() {
    }

    private static float scalar(GgmlType type, MemorySegment s, long at) {
        return switch (type) {
            case F32 -> s.get(F32, at);
            case F16 -> Float.float16ToFloat(s.get(I16, at));
            default -> Float.intBitsToFloat((s.get(I16, at) & 0xFFFF) << 16);
        };
    }

    static void dot(GgmlType type, MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a,
                    int token, float[] out, int outOffset) {
        float[] x = a.dot();
        int xo = token * cols, width = type == GgmlType.F32 ? 4 : 2, vectorCols = cols & ~7;
        for (int r = from; r < to; r++) {
            long at = r * rowBytes;
            FloatVector acc = FloatVector.zero(F);
            switch (type) {
                case F32 -> {
                    for (int i = 0; i < vectorCols; i += 8) {
                        acc = FloatVector.fromMemorySegment(F, s, at + 4L * i, LE).fma(FloatVector.fromArray(F, x, xo + i), acc);
                    }
                }
                case F16 -> {
                    for (int i = 0; i < vectorCols; i += 8) {
                        IntVector bits = (IntVector) ShortVector.fromMemorySegment(ShortVector.SPECIES_128, s, at + 2L * i, LE)
                                .convertShape(S2I, I, 0);
                        FloatVector magnitude = bits.and(0x7fff).lanewise(LSHL, 13).reinterpretAsFloats().mul(0x1p112f);
                        FloatVector w = magnitude.reinterpretAsInts().or(bits.and(0x8000).lanewise(LSHL, 16)).reinterpretAsFloats();
                        acc = w.fma(FloatVector.fromArray(F, x, xo + i), acc);
                    }
                }
                default -> {
                    for (int i = 0; i < vectorCols; i += 8) {
                        FloatVector w = ((IntVector) ShortVector.fromMemorySegment(ShortVector.SPECIES_128, s, at + 2L * i, LE)
                                .convertShape(S2I, I, 0)).lanewise(LSHL, 16).reinterpretAsFloats();
                        acc = w.fma(FloatVector.fromArray(F, x, xo + i), acc);
                    }
                }
            }
            float sum = acc.reduceLanes(VectorOperators.ADD);
            for (int i = vectorCols; i < cols; i++) sum += scalar(type, s, at + (long) width * i) * x[xo + i];
            out[outOffset + r] = sum;
        }
    }

    static void decode(GgmlType type, MemorySegment s, long at, int cols, float[] w, int wo) {
        int width = type == GgmlType.F32 ? 4 : 2, vectorCols = cols & ~7;
        switch (type) {
            case F32 -> MemorySegment.copy(s, ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE), at, w, wo, vectorCols);
            case F16 -> {
                for (int i = 0; i < vectorCols; i += 8) {
                    IntVector bits = (IntVector) ShortVector.fromMemorySegment(ShortVector.SPECIES_128, s, at + 2L * i, LE)
                            .convertShape(S2I, I, 0);
                    FloatVector magnitude = bits.and(0x7fff).lanewise(LSHL, 13).reinterpretAsFloats().mul(0x1p112f);
                    magnitude.reinterpretAsInts().or(bits.and(0x8000).lanewise(LSHL, 16)).reinterpretAsFloats().intoArray(w, wo + i);
                }
            }
            default -> {
                for (int i = 0; i < vectorCols; i += 8) {
                    ((IntVector) ShortVector.fromMemorySegment(ShortVector.SPECIES_128, s, at + 2L * i, LE)
                            .convertShape(S2I, I, 0)).lanewise(LSHL, 16).reinterpretAsFloats().intoArray(w, wo + i);
                }
            }
        }
        for (int i = vectorCols; i < cols; i++) w[wo + i] = scalar(type, s, at + (long) width * i);
    }
}
