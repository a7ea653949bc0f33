package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.kernels.cuda.plan.Kernel;
import dev.seekfix.engine.kernels.cuda.plan.KernelSource;
import dev.seekfix.engine.kernels.cuda.plan.NvrtcOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kernel source compiles with the locally installed nvcc to a CUBIN for sm_90 (the H200's architecture), exactly
 * as NVRTC will compile it at run time (prelude + file), and defines every symbol the Java side launches. Skips with a
 * message where nvcc is absent; CI machines without a GPU still have nvcc 13.0 (BUILD.md).
 */
class KernelSourcesCompileWithNvccTest {

    static Optional<Path> nvcc() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) candidates.add(Path.of(dir, "nvcc"));
        }
        candidates.add(Path.of("/usr/local/cuda/bin/nvcc"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    static Stream<String> files() {
        return KernelSource.FILES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void compilesToCubinForSm90AndDefinesEveryLaunchedKernel(String file) throws Exception {
        Path nvcc = nvcc().orElse(null);
        Assumptions.assumeTrue(nvcc != null, "nvcc not found on PATH or at /usr/local/cuda/bin/nvcc: kernel compile check skipped");
        KernelSource source = KernelSource.load(file);
        Path dir = Files.createTempDirectory("seekfix-nvcc");
        Path cu = dir.resolve(file);
        Path cubin = dir.resolve(file.replace(".cu", ".cubin"));
        Files.writeString(cu, source.text(), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(nvcc.toString()));
        cmd.addAll(NvrtcOptions.forComputeCapability(9, 0).nvccArguments());
        cmd.addAll(List.of("-Werror", "all-warnings", "-o", cubin.toString(), cu.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("nvcc finished within 3 minutes").isTrue();
        assertThat(p.exitValue()).as("nvcc %s exit status; output:%n%s", String.join(" ", cmd), output).isZero();
        byte[] image = Files.readAllBytes(cubin);
        assertThat(new String(image, 0, 4, StandardCharsets.ISO_8859_1)).as("an ELF CUBIN").isEqualTo("\u007fELF");
        String symbols = new String(image, StandardCharsets.ISO_8859_1);
        for (Kernel k : Kernel.values()) {
            if (k.file().equals(file)) {
                assertThat(symbols).as("CUBIN of %s defines %s", file, k.symbol()).contains(k.symbol() + "\0");
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }

    @Test
    void everyKernelSourceInTheResourcesIsCompiledAndEveryKernelIsLaunched() throws IOException, URISyntaxException {
        Path dir = Path.of(KernelSource.class.getResource("/cuda/prelude.cuh").toURI()).getParent();
        try (Stream<Path> s = Files.list(dir)) {
            List<String> onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cu")).sorted().toList();
            assertThat(onDisk).containsExactlyInAnyOrderElementsOf(KernelSource.FILES);
        }
        List<String> defined = KernelSource.all().stream().flatMap(k -> k.definedKernels().stream()).toList();
        List<String> launched = Stream.of(Kernel.values()).map(Kernel::symbol).toList();
        assertThat(defined).as("kernels defined in the sources").containsExactlyInAnyOrderElementsOf(launched);
    }
}
