package dev.seekfix.engine.model.deepseek2;

import dev.seekfix.engine.testing.LlamaCppReference;

import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.cpu.CpuKernels;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;
import dev.seekfix.engine.model.SequenceCache;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture model and prompt against llama.cpp's recorded outputs (fixture README sections 3 and 4): the
 * last-position logits of a batched prompt within the type's tolerance, then 32 greedy steps through the cache.
 */
class DeepSeek2ReferenceTest {

    /** Fixture README 4: 1e-4 for F32 (observed 3e-6), 0.02 F16, 0.1 BF16, 0.3 Q8_0/Q4_K_M. */
    static float tolerance(String model) {
        if (model.endsWith("F32")) return 1e-4f;
        if (model.endsWith("BF16")) return 0.1f;
        if (model.endsWith("F16")) return 0.02f;
        return 0.3f;
    }

    static final List<String> MODELS = List.of("ds2-micro-mla-F32", "ds2-micro-legacy-F32", "ds2-micro-mla-F16",
            "ds2-micro-mla-BF16", "ds2-micro-mla-Q8_0", "ds2-micro-mla-Q4_K_M", "ds2-k256-mla-Q4_K_M");
    static final List<String> PROMPTS = List.of("code", "unicode", "long");

    static Stream<Arguments> cases(Supplier<Kernels> kernels) {
        List<Arguments> out = new ArrayList<>();
        for (String m : MODELS) for (String p : PROMPTS) out.add(Arguments.of(m, p, kernels));
        return out.stream();
    }

    static Stream<Arguments> scalarCases() {
        return cases(ScalarKernels::new);
    }

    static Stream<Arguments> cpuCases() {
        return cases(() -> new CpuKernels(2));
    }

    @ParameterizedTest(name = "scalar {0} {1}")
    @MethodSource("scalarCases")
    void scalarKernelsMatchLlamaCppLogitsAndGreedyTokens(String model, String prompt, Supplier<Kernels> kernels) {
        check(model, prompt, kernels);
    }

    @ParameterizedTest(name = "cpu {0} {1}")
    @MethodSource("cpuCases")
    void cpuKernelsMatchLlamaCppLogitsAndGreedyTokens(String model, String prompt, Supplier<Kernels> kernels) {
        check(model, prompt, kernels);
    }

    static void check(String model, String prompt, Supplier<Kernels> kernelFactory) {
        LlamaCppReference ref = LlamaCppReference.load(model, prompt);
        float tol = tolerance(model);
        try (GgufFile file = GgufFile.open(Fixtures.model(model + ".gguf"));
             Kernels kernels = kernelFactory.get();
             DeepSeek2Model m = DeepSeek2Model.load(file, kernels)) {
            SequenceCache cache = m.newCache(ref.promptTokens().length + 48);
            float[] logits = m.forward(cache, ref.promptTokens());
            float maxDiff = 0;
            for (int i = 0; i < logits.length; i++) maxDiff = Math.max(maxDiff, Math.abs(logits[i] - ref.lastLogits()[i]));
            System.out.printf("%s %-22s %-8s last-position max|Δ| = %.3g (tolerance %.3g)%n", kernels.name(), model, prompt, maxDiff, tol);
            assertThat(maxDiff).as("%s %s: max |Δ| of last-position logits", model, prompt).isLessThan(tol);

            // greedy: exact for F32/F16 (all 32); otherwise up to the first step whose recorded margin is below tol
            boolean exact = model.endsWith("F32") || model.endsWith("-F16");
            int compared = 0;
            for (int step = 0; step < ref.greedyTokens().length; step++) {
                if (!exact && ref.greedyMargins()[step] < tol) break;
                int next = LlamaCppReference.argmax(logits);
                assertThat(next).as("%s %s greedy step %d", model, prompt, step).isEqualTo(ref.greedyTokens()[step]);
                compared++;
                logits = m.forward(cache, new int[]{next});
            }
            System.out.printf("%s %-22s %-8s greedy tokens equal: %d (compared)%n", kernels.name(), model, prompt, compared);
            if (exact) assertThat(compared).isEqualTo(32);
        }
    }
}
