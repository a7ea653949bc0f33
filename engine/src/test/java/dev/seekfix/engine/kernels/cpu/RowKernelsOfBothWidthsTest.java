package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.kernels.ActivationQuantizer;
import dev.seekfix.engine.kernels.QuantizedActivations;
import dev.seekfix.engine.kernels.VecDotType;
import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.Quantizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The machine picks one kernel per type (16 lanes on AVX-512, 8 on AVX2) and {@code CpuKernelsMatchScalarTest} covers
 * that one; this runs both layouts of the types that have two against the scalar oracle whatever the machine, each
 * with its own activation order.
 */
class RowKernelsOfBothWidthsTest {

    private static final int ROWS = 24, COLS = 512;

    private interface RowDot {
        void run(MemorySegment s, long rowBytes, int from, int to, int cols, PreparedActivations a, int token, float[] out, int outOffset);
    }

    private interface RowDecode {
        void run(MemorySegment s, long at, int cols, float[] w, int wo);
    }

    @Test
    void theEightLaneQ6_KKernelMatchesTheScalarOracle() {
        check(GgmlType.Q6_K, LaneOrder.q6K(), Q6_KRows::dot, Q6_KRows::decode);
    }

    @Test
    void theSixteenLaneQ6_KKernelMatchesTheScalarOracle() {
        check(GgmlType.Q6_K, LaneOrder.q6KWide(), Q6_KWideRows::dot, Q6_KWideRows::decode);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GgmlType.class, names = {"Q4_0", "Q5_0"})
    void theOneBlockNibbleKernelMatchesTheScalarOracle(GgmlType type) {
        boolean five = type == GgmlType.Q5_0;
        check(type, LaneOrder.of(type, 32), (s, rb, f, t, c, a, tk, o, oo) -> NibbleBlockRows.dot(s, rb, f, t, c, a, tk, o, oo, five),
                (s, at, c, w, wo) -> NibbleBlockRows.decode(s, at, c, w, wo, five));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GgmlType.class, names = {"Q4_0", "Q5_0"})
    void theBlockPairNibbleKernelMatchesTheScalarOracle(GgmlType type) {
        boolean five = type == GgmlType.Q5_0;
        check(type, LaneOrder.nibblePairs(), (s, rb, f, t, c, a, tk, o, oo) -> NibblePairRows.dot(s, rb, f, t, c, a, tk, o, oo, five),
                (s, at, c, w, wo) -> NibblePairRows.decode(s, at, c, w, wo, five));
    }

    private static void check(GgmlType type, LaneOrder order, RowDot dot, RowDecode decode) {
        Random rnd = new Random(6);
        float[] wf = new float[ROWS * COLS], x = new float[2 * COLS];
        for (int i = 0; i < wf.length; i++) wf[i] = (float) rnd.nextGaussian() * 0.05f;
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
        WeightMatrix w = new WeightMatrix("w", type, MemorySegment.ofArray(Quantizer.quantize(type, wf)), ROWS, COLS);
        float[] expected = new float[2 * ROWS];
        new ScalarKernels().matmul(w, x, 2, expected);

        QuantizedActivations q = ActivationQuantizer.quantize(VecDotType.of(type), x, 2, COLS);
        PreparedActivations a = PreparedActivations.of(type, order, q, true, true);
        float[] fused = new float[2 * ROWS];
        for (int t = 0; t < 2; t++) dot.run(w.data(), w.rowBytes(), 0, ROWS, COLS, a, t, fused, t * ROWS);
        float[] decoded = new float[COLS];
        for (int r = 0; r < ROWS; r++) {
            decode.run(w.data(), r * w.rowBytes(), COLS, decoded, 0);
            for (int t = 0; t < 2; t++) {
                float sum = 0;
                for (int c = 0; c < COLS; c++) sum += decoded[c] * a.gemm()[t * COLS + c];
                assertThat(sum).as("decoded row %d token %d", r, t).isCloseTo(expected[t * ROWS + r], within(2e-4f + 1e-4f * Math.abs(expected[t * ROWS + r])));
            }
        }
        for (int i = 0; i < fused.length; i++) {
            assertThat(fused[i]).as("fused dot %d", i).isCloseTo(expected[i], within(2e-4f + 1e-4f * Math.abs(expected[i])));
        }
    }
}
