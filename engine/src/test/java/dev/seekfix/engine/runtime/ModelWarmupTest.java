package dev.seekfix.engine.runtime;

import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.OutputConstraint;
import dev.seekfix.engine.api.Prompt;
import dev.seekfix.engine.api.Sampling;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.kernels.cpu.CpuKernels;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Model;
import dev.seekfix.engine.testing.Fixtures;
import dev.seekfix.engine.testing.LlamaCppReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelWarmupTest {

    @Test
    void aModelWarmedUpOnItselfStillReproducesLlamaCppsGreedyContinuation() {
        LlamaCppReference ref = LlamaCppReference.load("ds2-micro-mla-F32", "code");
        List<String> steps = new ArrayList<>();
        LoadProgress progress = new LoadProgress() {
            @Override public void step(String description) { steps.add(description); }
            @Override public void warming(long done, long total) { }
        };
        try (LocalLanguageModel m = new LocalModels(KernelBackends.standard()).load(
                Fixtures.model("ds2-micro-mla-F32.gguf"), EngineOptions.defaults(), progress, true)) {
            assertThat(steps).anySatisfy(s -> assertThat(s).matches("warmed up \\(\\d+ rounds\\)"));
            Completion c = m.generate(new CompletionRequest(new Prompt.Tokens(ref.promptTokens()), Sampling.greedy(),
                    32, List.of(), OutputConstraint.NONE));
            assertThat(c.tokens()).isEqualTo(ref.greedyTokens());
        }
    }

    @Test
    void warmUpRunsAtLeastOneRoundAndStopsSoonAfterItsBudget() {
        try (GgufFile file = GgufFile.open(Fixtures.model("ds2-micro-mla-F32.gguf")); CpuKernels kernels = new CpuKernels(2);
             DeepSeek2Model m = DeepSeek2Model.load(file, kernels)) {
            long t0 = System.nanoTime();
            int rounds = ModelWarmup.run(m, java.time.Duration.ofMillis(200));
            assertThat(rounds).isPositive();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30.0); // one round past the budget at most
        }
    }
}
