package dev.seekfix.engine.kernels;

import dev.seekfix.engine.kernels.cpu.CpuKernels;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import dev.seekfix.engine.tensor.Dequantizer;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.Quantizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Every op and weight type of the cpu kernels against the scalar oracle, on random inputs. */
class CpuKernelsMatchScalarTest {

    private static final ScalarKernels SCALAR = new ScalarKernels();
    private static CpuKernels cpu;

    @BeforeAll
    static void start() {
        cpu = new CpuKernels(2);
    }

    @AfterAll
    static void stop() {
        cpu.close();
    }

    private static float[] gaussian(Random rnd, int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian() * scale;
        return x;
    }

    private static void assertClose(float[] expected, float[] actual, float relative, String what) {
        float max = 0;
        for (float v : expected) max = Math.max(max, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(relative * max + 1e-6f));
        }
    }

    /** Random weights of {@code type}, quantized on the heap. */
    private static WeightMatrix randomWeights(Random rnd, GgmlType type, int rows, int cols) {
        return new WeightMatrix("w", type, MemorySegment.ofArray(Quantizer.quantize(type, gaussian(rnd, rows * cols, 0.05f))),
                rows, cols);
    }

    /** {@code cpu.matmul} equals the scalar oracle's for random inputs of each batch size. */
    private static void assertMatmulMatchesScalar(WeightMatrix w, Random rnd, String what, int... batchSizes) {
        for (int tokens : batchSizes) {
            float[] x = gaussian(rnd, tokens * w.cols(), 1f);
            float[] expected = new float[tokens * w.rows()], actual = new float[tokens * w.rows()];
            SCALAR.matmul(w, x, tokens, expected);
            cpu.matmul(w, x, tokens, actual);
            assertClose(expected, actual, 1e-5f, what + " tokens=" + tokens);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "BF16", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q4_K", "Q5_K", "Q6_K"})
    void matmulMatchesScalarForEveryTypeAndBatchSize(GgmlType type) {
        Random rnd = new Random(type.id());
        assertMatmulMatchesScalar(randomWeights(rnd, type, 300, 512), rnd, type.toString(), 1, 3, 8);
    }

    /** DeepSeek-V2's per-head shapes (absorb 512×128 in Q5_0, value-up 128×512 in Q4_K): 128-column rows have their own path. */
    @Test
    void matmulMatchesScalarForThePerHeadShapes() {
        Random rnd = new Random(128);
        for (int[] shape : new int[][]{{512, 128, GgmlType.Q5_0.id()}, {128, 512, GgmlType.Q4_K.id()}, {64, 128, GgmlType.Q4_0.id()}}) {
            GgmlType type = GgmlType.byId(shape[2]).orElseThrow();
            int rows = shape[0], cols = shape[1];
            assertMatmulMatchesScalar(randomWeights(rnd, type, rows, cols), rnd, type + " " + rows + "x" + cols, 1, 3);
        }
    }

    /** An odd number of 32-element blocks per row: the block-pair and two-chain kernels finish the row another way. */
    @ParameterizedTest
    @EnumSource(names = {"Q4_0", "Q5_0", "Q8_0"})
    void matmulMatchesScalarForRowsOfAnOddNumberOfBlocks(GgmlType type) {
        Random rnd = new Random(type.id() + 100);
        assertMatmulMatchesScalar(randomWeights(rnd, type, 40, 32 * 7), rnd, type.toString(), 1, 3);
    }

    /**
     * Odd row counts (the tiled path pads its row pairs), batch sizes on both sides of the fused/tiled switch and of
     * the 4-token tile, weights off-heap like a mapped file, and a view of the last rows whose final block ends the
     * segment (the nibble kernels must not read past it).
     */
    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "BF16", "Q4_0", "Q5_0", "Q8_0", "Q4_K", "Q6_K"})
    void matmulMatchesScalarForOddRowsBatchSizesAndOffHeapViews(GgmlType type) {
        Random rnd = new Random(31 + type.id());
        int rows = 37, cols = 768;
        byte[] q = Quantizer.quantize(type, gaussian(rnd, rows * cols, 0.05f));
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared()) {
            MemorySegment data = arena.allocate(q.length);
            MemorySegment.copy(MemorySegment.ofArray(q), 0, data, 0, q.length);
            WeightMatrix all = new WeightMatrix("w", type, data, rows, cols);
            for (WeightMatrix w : new WeightMatrix[]{all, all.rows(30, 7), all.rows(5, 1)}) {
                assertMatmulMatchesScalar(w, rnd, type + " " + w.name(), 1, 2, 3, 5, 8, 65);
            }
        }
    }

    @Test
    void matmulSeesAnInputChangedInPlaceBetweenCalls() {
        Random rnd = new Random(8);
        int rows = 64, cols = 256;
        WeightMatrix w = new WeightMatrix("w", GgmlType.Q8_0,
                MemorySegment.ofArray(Quantizer.quantize(GgmlType.Q8_0, gaussian(rnd, rows * cols, 0.05f))), rows, cols);
        float[] x = gaussian(rnd, cols, 1f);
        float[] first = new float[rows], second = new float[rows], expected = new float[rows];
        cpu.matmul(w, x, 1, first);
        x[17] += 3f;
        cpu.matmul(w, x, 1, second);
        SCALAR.matmul(w, x, 1, expected);
        assertClose(expected, second, 1e-5f, "after the change");
        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "Q8_0", "Q4_K", "Q6_K"})
    void scalarMatmulAgreesWithDequantizedWeightsWithinActivationRounding(GgmlType type) {
        Random rnd = new Random(99);
        int rows = 16, cols = 256;
        byte[] q = Quantizer.quantize(type, gaussian(rnd, rows * cols, 0.05f));
        float[] deq = Dequantizer.dequantize(type, MemorySegment.ofArray(q), rows * cols);
        float[] x = gaussian(rnd, cols, 1f);
        float[] out = new float[rows];
        SCALAR.matmul(new WeightMatrix("w", type, MemorySegment.ofArray(q), rows, cols), x, 1, out);
        float[] expected = new float[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) sum += deq[r * cols + c] * (double) x[c];
            expected[r] = (float) sum;
        }
        // Q8 activation rounding costs about 1/127 of |x| per element; F32 is exact up to summation order
        assertClose(expected, out, type == GgmlType.F32 ? 1e-5f : 0.03f, type.toString());
    }

    @Test
    void attentionScoresAndMixMatchScalar() {
        Random rnd = new Random(3);
        int width = 576, length = 137, dim = 512;
        float[] cache = gaussian(rnd, length * width, 1f);
        float[] q = gaussian(rnd, width, 1f);
        float[] s1 = new float[length], s2 = new float[length];
        SCALAR.attentionScores(q, 0, cache, 0, width, width, length, s1, 0);
        cpu.attentionScores(q, 0, cache, 0, width, width, length, s2, 0);
        assertClose(s1, s2, 1e-5f, "scores");
        SCALAR.softmax(s1, 0, length, 0.11f);
        float[] p = s1.clone();
        float[] o1 = new float[dim + 4], o2 = new float[dim + 4];
        SCALAR.attentionMix(p, 0, cache, 0, width, dim + 3, length, o1, 1);
        cpu.attentionMix(p, 0, cache, 0, width, dim + 3, length, o2, 1);
        assertClose(o1, o2, 1e-5f, "mix");
    }

    @Test
    void elementwiseOpsMatchScalar() {
        Random rnd = new Random(5);
        float[] x = gaussian(rnd, 3 * 64, 2f), w = gaussian(rnd, 64, 1f);
        float[] a = new float[x.length], b = new float[x.length];
        SCALAR.rmsnorm(a, 0, x, 0, 64, 3, 64, w, 1e-6f);
        cpu.rmsnorm(b, 0, x, 0, 64, 3, 64, w, 1e-6f);
        assertClose(a, b, 1e-6f, "rmsnorm");
        float[] g = gaussian(rnd, 100, 3f), u = gaussian(rnd, 100, 1f);
        float[] o1 = new float[100], o2 = new float[100];
        SCALAR.siluMul(g, u, o1, 100);
        cpu.siluMul(g, u, o2, 100);
        assertClose(o1, o2, 1e-6f, "silu");
        // a prefill-sized vector (split over the pool, odd tail) with gates far into exp's overflow and underflow
        int big = 100_003;
        float[] gb = gaussian(rnd, big, 40f), ub = gaussian(rnd, big, 1f), ob1 = new float[big], ob2 = new float[big];
        SCALAR.siluMul(gb, ub, ob1, big);
        cpu.siluMul(gb, ub, ob2, big);
        for (int i = 0; i < big; i++) {
            assertThat(ob2[i]).as("silu [%d] of %f", i, gb[i]).isCloseTo(ob1[i], org.assertj.core.data.Offset.offset(2e-6f * Math.abs(ob1[i]) + 1e-30f));
        }
        float[] s1 = gaussian(rnd, 50, 3f), s2 = s1.clone();
        SCALAR.softmax(s1, 0, 50, 0.5f);
        cpu.softmax(s2, 0, 50, 0.5f);
        assertClose(s1, s2, 1e-6f, "softmax");
        float sum = 0;
        for (float v : s1) sum += v;
        assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void ropeRotatesAdjacentPairsByTheTableAngles() {
        float[] x = {1, 0, 0, 1, 3, 4};
        float[] cos = {0, 1, (float) Math.cos(0.5)}, sin = {1, 0, (float) Math.sin(0.5)};
        SCALAR.rope(x, 0, 6, cos, sin, 0);
        assertThat(x[0]).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(x[1]).isEqualTo(1f);
        assertThat(x[2]).isEqualTo(0f);
        assertThat(x[3]).isEqualTo(1f);
        assertThat(Math.hypot(x[4], x[5])).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-5));
    }
}
