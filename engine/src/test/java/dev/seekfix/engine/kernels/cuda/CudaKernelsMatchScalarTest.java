package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.kernels.WeightMatrix;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.Quantizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CUDA kernel against the scalar oracle on random inputs. Outputs are poisoned first (host arrays and device
 * scratch filled with NaN) so an element a kernel forgets to write fails the comparison. Bounds are relative to the
 * largest reference value: the oracle rounds activations to the weights' vec-dot type (ggml), the device keeps them
 * fp32 for matvec and rounds them to fp16/bf16 for cuBLAS, so quantized types differ by that rounding (~1%).
 */
@Tag("cuda")
class CudaKernelsMatchScalarTest {

    private static final ScalarKernels SCALAR = new ScalarKernels();
    private static CudaKernels cuda;
    private static Arena arena;

    @BeforeAll
    static void start() {
        CudaAvailability a = CudaBackend.probe();
        Assumptions.assumeTrue(a instanceof CudaAvailability.Available, "CUDA tests need a device: " + a.describe());
        cuda = (CudaKernels) ((CudaAvailability.Available) a).factory().kernels();
        arena = Arena.ofShared();
        System.out.println("device: " + a.describe());
    }

    @AfterAll
    static void stop() {
        if (cuda != null) cuda.close();
        if (arena != null) arena.close();
    }

    private static float[] gaussian(Random rnd, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rnd.nextGaussian() * scale);
        return x;
    }

    private static float[] poisoned(int n) {
        float[] x = new float[n];
        Arrays.fill(x, Float.NaN);
        cuda.poisonScratch();
        return x;
    }

    static void assertClose(float[] expected, float[] actual, double relative, String what) {
        double max = 0;
        for (float v : expected) max = Math.max(max, Math.abs(v));
        double bound = relative * Math.max(max, 1e-6);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.isFinite(actual[i])).as("%s[%d] written (got %s)", what, i, actual[i]).isTrue();
            assertThat((double) Math.abs(expected[i] - actual[i])).as("%s[%d]: expected %s, got %s (bound %s)", what, i, expected[i],
                    actual[i], bound).isLessThanOrEqualTo(bound);
        }
    }

    private static WeightMatrix matrix(GgmlType type, float[] values, int rows, int cols) {
        byte[] q = Quantizer.quantize(type, values);
        MemorySegment seg = arena.allocate(q.length, 256);
        seg.copyFrom(MemorySegment.ofArray(q));
        return new WeightMatrix(type + "-" + rows + "x" + cols, type, seg, rows, cols);
    }

    @ParameterizedTest(name = "{0}, {1} tokens")
    @CsvSource({
            "F32, 1, 1e-5", "F32, 16, 1e-5",
            "F16, 1, 3e-3", "F16, 3, 3e-3", "F16, 16, 3e-3",
            "BF16, 1, 2e-2", "BF16, 16, 2e-2",
            "Q8_0, 1, 3e-2", "Q8_0, 5, 3e-2", "Q8_0, 16, 3e-2",
            "Q5_0, 1, 3e-2", "Q5_0, 16, 3e-2",
            "Q4_K, 1, 3e-2", "Q4_K, 16, 3e-2",
            "Q6_K, 1, 3e-2", "Q6_K, 16, 3e-2",
            "Q4_0, 1, 3e-2", "Q5_1, 1, 3e-2", "Q5_K, 16, 3e-2"})
    void matmulMatchesTheOracle(GgmlType type, int tokens, double relative) {
        Random rnd = new Random(type.ordinal() * 31L + tokens);
        int rows = 97, cols = 512; // 97: a partly filled last block of warps
        WeightMatrix w = matrix(type, gaussian(rnd, rows * cols, 1 / Math.sqrt(cols)), rows, cols);
        float[] x = gaussian(rnd, tokens * cols, 1);
        float[] expected = new float[tokens * rows];
        SCALAR.matmul(w, x, tokens, expected);
        float[] actual = poisoned(tokens * rows);
        cuda.matmul(w, x, tokens, actual);
        assertClose(expected, actual, relative, "matmul " + type);
    }

    @Test
    void matmulOfAWideVocabularyMatrixUsesEveryRow() {
        Random rnd = new Random(7);
        int rows = 4015, cols = 128;
        WeightMatrix w = matrix(GgmlType.Q8_0, gaussian(rnd, rows * cols, 0.1), rows, cols);
        float[] x = gaussian(rnd, 2 * cols, 1);
        float[] expected = new float[2 * rows];
        SCALAR.matmul(w, x, 2, expected);
        float[] actual = poisoned(2 * rows);
        cuda.matmul(w, x, 2, actual);
        assertClose(expected, actual, 3e-2, "vocabulary matmul");
    }

    @Test
    void rmsnormMatchesTheOracleAndLeavesTheGapsBetweenRows() {
        Random rnd = new Random(1);
        int tokens = 3, n = 576, stride = 600;
        float[] x = gaussian(rnd, tokens * stride, 2);
        float[] w = gaussian(rnd, n, 1);
        float[] expected = gaussian(new Random(9), tokens * stride, 1);
        float[] actual = expected.clone();
        SCALAR.rmsnorm(expected, 0, x, 0, stride, tokens, 512, w, 1e-6f);
        cuda.poisonScratch();
        cuda.rmsnorm(actual, 0, x, 0, stride, tokens, 512, w, 1e-6f);
        assertClose(expected, actual, 1e-5, "rmsnorm");
    }

    @Test
    void ropeMatchesTheOracle() {
        Random rnd = new Random(2);
        float[] x = gaussian(rnd, 200, 1);
        float[] cos = gaussian(rnd, 64, 1), sin = gaussian(rnd, 64, 1);
        float[] expected = x.clone(), actual = x.clone();
        SCALAR.rope(expected, 40, 64, cos, sin, 10);
        cuda.poisonScratch();
        cuda.rope(actual, 40, 64, cos, sin, 10);
        assertClose(expected, actual, 1e-6, "rope");
    }

    @Test
    void softmaxMatchesTheOracle() {
        Random rnd = new Random(3);
        for (int n : new int[]{1, 7, 64, 1000, 4097}) {
            float[] x = gaussian(rnd, n + 5, 4);
            float[] expected = x.clone(), actual = x.clone();
            SCALAR.softmax(expected, 5, n, 0.1147214f);
            cuda.poisonScratch();
            cuda.softmax(actual, 5, n, 0.1147214f);
            assertClose(expected, actual, 1e-5, "softmax " + n);
        }
    }

    @Test
    void siluMulMatchesTheOracle() {
        Random rnd = new Random(4);
        int n = 10944 + 3;
        float[] g = gaussian(rnd, n, 3), u = gaussian(rnd, n, 1);
        float[] expected = new float[n];
        SCALAR.siluMul(g, u, expected, n);
        float[] actual = poisoned(n);
        cuda.siluMul(g, u, actual, n);
        assertClose(expected, actual, 1e-5, "siluMul");
    }

    @Test
    void attentionScoresAndMixMatchTheOracle() {
        Random rnd = new Random(5);
        int length = 333, width = 576, dim = 512;
        float[] cache = gaussian(rnd, length * width, 1);
        float[] q = gaussian(rnd, width, 1);
        float[] expected = new float[length];
        SCALAR.attentionScores(q, 0, cache, 0, width, width, length, expected, 0);
        float[] actual = poisoned(length);
        cuda.attentionScores(q, 0, cache, 0, width, width, length, actual, 0);
        assertClose(expected, actual, 1e-5, "attentionScores");

        SCALAR.softmax(expected, 0, length, 0.1f);
        float[] mixExpected = new float[dim];
        SCALAR.attentionMix(expected, 0, cache, 0, width, dim, length, mixExpected, 0);
        float[] mixActual = poisoned(dim);
        cuda.attentionMix(expected, 0, cache, 0, width, dim, length, mixActual, 0);
        assertClose(mixExpected, mixActual, 1e-5, "attentionMix");
    }
}
