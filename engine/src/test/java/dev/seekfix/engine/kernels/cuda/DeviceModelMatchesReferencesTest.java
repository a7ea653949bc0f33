package dev.seekfix.engine.kernels.cuda;

import dev.seekfix.engine.testing.LlamaCppReference;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.cpu.CpuKernels;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Model;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device-resident model (prefill batches, graph-captured decode) and the host forward pass over
 * {@link CudaKernels} against llama.cpp's recorded logits and greedy tokens and against the CPU engine, within the
 * fixture README's tolerances (section 4: the device keeps activations fp32 for matvec, so the "numpy (… weights)"
 * rows apply: ≈0.007 F16, ≈0.06 BF16, ≈0.2 Q8_0/Q4_K_M). Greedy tokens are compared up to the first step whose
 * recorded margin is below the tolerance (random routers have near-ties).
 */
@Tag("cuda")
class DeviceModelMatchesReferencesTest {

    private static CudaAvailability.Available cuda;

    @BeforeAll
    static void device() {
        CudaAvailability a = CudaBackend.probe();
        Assumptions.assumeTrue(a instanceof CudaAvailability.Available, "CUDA tests need a device: " + a.describe());
        cuda = (CudaAvailability.Available) a;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ds2-micro-mla-F32, code, 1e-3", "ds2-micro-mla-F32, unicode, 1e-3", "ds2-micro-mla-F32, long, 1e-3",
            "ds2-micro-legacy-F32, code, 1e-3", "ds2-micro-legacy-F32, long, 1e-3",
            "ds2-micro-mla-F16, code, 0.02", "ds2-micro-mla-F16, long, 0.02",
            "ds2-micro-mla-BF16, code, 0.1", "ds2-micro-mla-BF16, unicode, 0.1",
            "ds2-micro-mla-Q8_0, code, 0.3", "ds2-micro-mla-Q8_0, unicode, 0.3",
            "ds2-micro-mla-Q4_K_M, code, 0.3", "ds2-micro-mla-Q4_K_M, long, 0.3",
            "ds2-k256-mla-Q4_K_M, code, 0.3", "ds2-k256-mla-Q4_K_M, long, 0.3"})
    void deviceModelMatchesLlamaCppAndTheCpuEngine(String model, String prompt, double tolerance) {
        LlamaCppReference ref = LlamaCppReference.load(model, prompt);
        try (GgufFile file = GgufFile.open(Fixtures.model(model + ".gguf"));
             CausalModel device = cuda.factory().deepSeek2(file, ref.promptTokens().length + 48)) {
            SequenceCache cache = device.newCache(ref.promptTokens().length + 48);
            float[] logits = device.forward(cache, ref.promptTokens());
            double vsLlama = LlamaCppReference.maxAbsDiff(ref.lastLogits(), logits);
            System.out.printf("%s %s: device vs llama.cpp max |Δ| %.3g%n", model, prompt, vsLlama);
            assertThat(vsLlama).as("last-position logits vs llama.cpp").isLessThanOrEqualTo(tolerance);

            try (Kernels cpu = new CpuKernels(2)) {
                DeepSeek2Model host = DeepSeek2Model.load(file, cpu);
                float[] cpuLogits = host.forward(host.newCache(ref.promptTokens().length), ref.promptTokens());
                assertThat(LlamaCppReference.maxAbsDiff(cpuLogits, logits)).as("vs the CPU engine").isLessThanOrEqualTo(tolerance);
                host.close();
            }

            // greedy decode: every step is a replay of the captured graph
            int next = LlamaCppReference.argmax(logits);
            for (int step = 0; step < ref.greedyTokens().length; step++) {
                if (ref.greedyMargins()[step] < tolerance) break;
                assertThat(next).as("greedy token %d", step).isEqualTo(ref.greedyTokens()[step]);
                logits = device.forward(cache, new int[]{next});
                next = LlamaCppReference.argmax(logits);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ds2-micro-mla-F32, code, 1e-3", "ds2-micro-mla-Q8_0, unicode, 0.3", "ds2-k256-mla-Q4_K_M, code, 0.3"})
    void hostForwardPassOverCudaKernelsMatchesLlamaCpp(String model, String prompt, double tolerance) {
        LlamaCppReference ref = LlamaCppReference.load(model, prompt);
        try (GgufFile file = GgufFile.open(Fixtures.model(model + ".gguf"));
             Kernels kernels = cuda.factory().kernels();
             DeepSeek2Model host = DeepSeek2Model.load(file, kernels)) {
            float[] logits = host.forward(host.newCache(ref.promptTokens().length), ref.promptTokens());
            assertThat(LlamaCppReference.maxAbsDiff(ref.lastLogits(), logits)).isLessThanOrEqualTo(tolerance);
        }
    }
}
