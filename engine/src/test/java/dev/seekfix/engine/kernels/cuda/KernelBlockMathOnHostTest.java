package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.tensor.Dequantizer;
import dev.seekfix.engine.tensor.GgmlType;
import dev.seekfix.engine.tensor.Quantizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block math of the device kernels — {@code part_dot<T>} of matvec.cu and {@code elem_*} of dequant.cu, the code
 * that decodes each GGUF block layout — compiled for the host with g++ (a shim stands in for the CUDA prelude) and
 * compared with the Java dequantizers, which are byte-exact against llama.cpp. Catches layout mistakes on machines
 * without a GPU; the launch plumbing around it is only checked on a device (CudaKernelsMatchScalarTest).
 */
class KernelBlockMathOnHostTest {

    private static Path dir;
    private static Path harness;

    @BeforeAll
    static void build() throws Exception {
        Path gxx = Stream.of("/usr/bin/g++", "/usr/local/bin/g++").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(gxx != null, "g++ not found: host check of the kernels' block math skipped");
        dir = Files.createTempDirectory("seekfix-host-kernels");
        String source = resource("/cuda-host/shim.h") + resource("/cuda/matvec.cu") + resource("/cuda/dequant.cu")
                + resource("/cuda-host/harness.cpp");
        Path cpp = dir.resolve("host.cpp");
        Files.writeString(cpp, source, StandardCharsets.UTF_8);
        harness = dir.resolve("harness");
        run(List.of(gxx.toString(), "-O1", "-std=c++17", "-Wall", "-Wno-unknown-pragmas", "-Wno-unused-variable",
                "-Wno-unused-function", "-o", harness.toString(), "-x", "c++", cpp.toString()));
    }

    @AfterAll
    static void clean() throws IOException {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KernelBlockMathOnHostTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
        }
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s:%n%s", String.join(" ", cmd), out).isZero();
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "BF16", "Q8_0", "Q5_0", "Q4_K", "Q6_K"})
    void blockMathDecodesEveryTypeLikeTheJavaDequantizer(GgmlType type) throws Exception {
        int rows = 6, cols = 768;
        Random rnd = new Random(type.ordinal());
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) w[i] = (float) (rnd.nextGaussian() * (i % 97 == 0 ? 4 : 1));
        float[] x = new float[cols];
        for (int i = 0; i < cols; i++) x[i] = (float) rnd.nextGaussian();
        byte[] q = Quantizer.quantize(type, w);
        Files.write(dir.resolve("w.bin"), q);
        ByteBuffer xb = ByteBuffer.allocate(4 * cols).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) xb.putFloat(v);
        Files.write(dir.resolve("x.bin"), xb.array());
        Path out = dir.resolve("out.bin");
        List<String> cmd = new ArrayList<>(List.of(harness.toString(), type.name(), "" + rows, "" + cols,
                dir.resolve("w.bin").toString(), dir.resolve("x.bin").toString(), out.toString()));
        run(cmd);
        float[] got = new float[rows * cols + rows];
        ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(got);

        MemorySegment seg = MemorySegment.ofArray(q);
        long rowBytes = type.rowBytes(cols);
        float[] expected = new float[cols];
        for (int r = 0; r < rows; r++) {
            Dequantizer.dequantize(type, seg, r * rowBytes, expected, 0, cols);
            double dot = 0, scale = 0;
            for (int i = 0; i < cols; i++) {
                float e = got[r * cols + i];
                assertThat((double) Math.abs(e - expected[i])).as("%s row %d element %d: kernel %s, Java %s", type, r, i, e, expected[i])
                        .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(expected[i])));
                dot += (double) expected[i] * x[i];
                scale += Math.abs((double) expected[i] * x[i]);
            }
            float kernelDot = got[rows * cols + r];
            assertThat(Math.abs(kernelDot - dot)).as("%s row %d dot: kernel %s, Java %s", type, r, kernelDot, dot)
                    .isLessThanOrEqualTo(1e-5 * scale + 1e-6);
        }
    }
}
