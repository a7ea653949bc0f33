package dev.seekfix.engine.kernels;

import dev.seekfix.engine.kernels.cpu.CpuKernels;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.Quantizer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Kernels#matmulEach} against one single-token {@link Kernels#matmul} per product: mixed types (vector kernels
 * and the scalar fallback), shapes that are and are not multiples of the 16-row group, inputs shared by several
 * products, and nonzero input and output offsets into shared arrays.
 */
class MatmulEachTest {

    private static final float UNTOUCHED = 42f;

    private static float[] gaussian(Random rnd, int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian() * scale;
        return x;
    }

    private static WeightMatrix matrix(Random rnd, String name, GgmlType type, int rows, int cols) {
        return new WeightMatrix(name, type, MemorySegment.ofArray(Quantizer.quantize(type, gaussian(rnd, rows * cols, 0.05f))),
                rows, cols);
    }

    /** A layer-like mix: big products sharing one input, sixteen small "heads" over slices of one array, odd shapes. */
    private static List<Product> products(Random rnd) {
        List<Product> products = new ArrayList<>();
        float[] shared = gaussian(rnd, 512, 1f);          // [512], read by several products from offset 0
        float[] outShared = filled(300 + 64 + 64 + 37);   // [rows of the products below], written at offsets
        products.add(new Product(matrix(rnd, "q8_0", GgmlType.Q8_0, 300, 512), shared, 0, outShared, 0));
        products.add(new Product(matrix(rnd, "gate", GgmlType.Q4_K, 64, 512), shared, 0, outShared, 300));
        products.add(new Product(matrix(rnd, "up", GgmlType.Q4_K, 64, 512), shared, 0, outShared, 364));
        products.add(new Product(matrix(rnd, "q6_K", GgmlType.Q6_K, 37, 512), shared, 0, outShared, 428));

        float[] padded = gaussian(rnd, 7 + 256 + 3, 1f);  // [7 | 256 | 3]
        products.add(new Product(matrix(rnd, "q5_0", GgmlType.Q5_0, 40, 256), padded, 7, filled(45), 5));
        products.add(new Product(matrix(rnd, "q5_K", GgmlType.Q5_K, 20, 256), padded, 7, filled(20), 0));
        products.add(new Product(matrix(rnd, "f32", GgmlType.F32, 17, 96), padded, 3, filled(19), 1));

        int heads = 16, dim = 64, rows = 40;
        float[] q = gaussian(rnd, heads * dim, 1f);      // [heads][dim]
        float[] perHead = filled(heads * rows);          // [heads][rows]
        for (int head = 0; head < heads; head++) {
            products.add(new Product(matrix(rnd, "head" + head, GgmlType.Q8_0, rows, dim), q, head * dim, perHead, head * rows));
        }
        return products;
    }

    private static float[] filled(int n) {
        float[] out = new float[n];
        Arrays.fill(out, UNTOUCHED);
        return out;
    }

    /** Runs {@code products} through {@code matmulEach} and checks every output slice against its own matmul. */
    private static void assertEachEqualsItsMatmul(Kernels kernels, List<Product> products) {
        kernels.matmulEach(products);
        for (Product p : products) {
            WeightMatrix w = p.w();
            float[] expected = new float[w.rows()];
            kernels.matmul(w, Arrays.copyOfRange(p.x(), p.xOffset(), p.xOffset() + w.cols()), 1, expected);
            float[] actual = Arrays.copyOfRange(p.out(), p.outOffset(), p.outOffset() + w.rows());
            // equal up to the order of the vector lane sum: the Vector API leaves it unspecified, and the interpreted
            // and the compiled kernel (JIT timing decides which runs) add the lanes in different orders
            for (int r = 0; r < expected.length; r++) {
                assertThat(actual[r]).as("%s %s row %d", kernels.name(), w.name(), r)
                        .isCloseTo(expected[r], within(1e-5f + 1e-5f * Math.abs(expected[r])));
            }
        }
        for (Product p : products) {
            float[] out = p.out();
            for (int i = 0; i < out.length; i++) {
                if (!writtenByAny(products, out, i)) {
                    assertThat(out[i]).as("%s element %d outside every product", kernels.name(), i).isEqualTo(UNTOUCHED);
                }
            }
        }
    }

    private static boolean writtenByAny(List<Product> products, float[] out, int i) {
        for (Product p : products) {
            if (p.out() == out && i >= p.outOffset() && i < p.outOffset() + p.w().rows()) return true;
        }
        return false;
    }

    @Test
    void cpuMatmulEachGivesExactlyTheResultsOfOneMatmulPerProduct() {
        try (CpuKernels cpu = new CpuKernels(2)) {
            for (int round = 0; round < 3; round++) assertEachEqualsItsMatmul(cpu, products(new Random(round)));
        }
    }

    @Test
    void theDefaultMatmulEachOfTheScalarKernelsGivesExactlyTheResultsOfTheirMatmul() {
        assertEachEqualsItsMatmul(new ScalarKernels(), products(new Random(7)));
    }

    @Test
    void cpuMatmulEachMatchesTheScalarOracle() {
        List<Product> viaCpu = products(new Random(11)), viaScalar = products(new Random(11));
        try (CpuKernels cpu = new CpuKernels(2)) {
            cpu.matmulEach(viaCpu);
        }
        new ScalarKernels().matmulEach(viaScalar);
        for (int i = 0; i < viaCpu.size(); i++) {
            float[] expected = viaScalar.get(i).out(), actual = viaCpu.get(i).out();
            float max = 0;
            for (float v : expected) max = Math.max(max, Math.abs(v));
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[j]).as("%s [%d]", viaCpu.get(i).w().name(), j)
                        .isCloseTo(expected[j], Offset.offset(1e-5f * max + 1e-6f));
            }
        }
    }

    @Test
    void anEmptyListIsNoWork() {
        try (CpuKernels cpu = new CpuKernels(2)) {
            cpu.matmulEach(List.of());
        }
        new ScalarKernels().matmulEach(List.of());
    }

    @Test
    void aProductMustFitItsArrays() {
        WeightMatrix w = matrix(new Random(1), "w", GgmlType.F32, 4, 8);
        assertThatThrownBy(() -> new Product(w, new float[8], 1, new float[4], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Product(w, new float[8], 0, new float[5], 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
