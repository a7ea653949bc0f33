package dev.seekfix.engine.runtime;

import dev.seekfix.engine.testing.LlamaCppReference;

import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.ChatMessage;
import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.ContextLengthExceededException;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.Models;
import dev.seekfix.engine.api.OutputConstraint;
import dev.seekfix.engine.api.Prompt;
import dev.seekfix.engine.api.Sampling;
import dev.seekfix.engine.api.StopReason;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalLanguageModelTest {

    private static LanguageModel model;
    private static LlamaCppReference code;

    @BeforeAll
    static void load() {
        code = LlamaCppReference.load("ds2-micro-mla-F32", "code");
        model = Models.local().load(Fixtures.model("ds2-micro-mla-F32.gguf"), new EngineOptions(Backend.AUTO, 2, 1024));
    }

    @AfterAll
    static void close() {
        if (model != null) model.close();
    }

    private static CompletionRequest tokens(int[] prompt, int maxTokens, List<String> stop) {
        return new CompletionRequest(new Prompt.Tokens(prompt), Sampling.greedy(), maxTokens, stop, OutputConstraint.NONE);
    }

    @Test
    void reportsWhatRunsAndThatTheWeightsAreRandom() {
        assertThat(model.info().architecture()).isEqualTo("deepseek2");
        assertThat(model.info().backend()).isEqualTo("cpu");
        assertThat(model.info().randomWeights()).isTrue();
        assertThat(model.info().contextLength()).isEqualTo(1024);
        assertThat(model.info().vocabularySize()).isEqualTo(4015);
    }

    @Test
    void stopsAtMaxTokens() {
        Completion c = model.generate(tokens(code.promptTokens(), 5, List.of()));
        assertThat(c.tokens()).containsExactly(java.util.Arrays.copyOf(code.greedyTokens(), 5));
        assertThat(c.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(c.timings().generatedTokens()).isEqualTo(5);
        assertThat(c.timings().promptTokens()).isEqualTo(code.promptTokens().length);
    }

    @Test
    void aStopStringSpanningTokensEndsTheTextBeforeIt() {
        String full = model.generate(tokens(code.promptTokens(), 32, List.of())).text();
        // a stop string that starts inside one token's text and ends in a later one
        int from = full.length() / 3, to = from + 6;
        String stop = full.substring(from, to);
        Completion c = model.generate(tokens(code.promptTokens(), 32, List.of(stop)));
        assertThat(c.stopReason()).isEqualTo(StopReason.STOP_STRING);
        assertThat(c.text()).isEqualTo(full.substring(0, full.indexOf(stop)));
        assertThat(c.tokens().length).isLessThan(32);
    }

    @Test
    void streamsEveryTokenInOrderAndTheTextAddsUp() {
        List<Integer> ids = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Completion c = model.generate(tokens(code.promptTokens(), 20, List.of()), (id, piece) -> {
            ids.add(id);
            text.append(piece);
        });
        assertThat(ids).containsExactlyElementsOf(java.util.Arrays.stream(c.tokens()).boxed().toList());
        assertThat(text.toString()).isEqualTo(c.text());
    }

    @Test
    void refusesAPromptThatDoesNotFitTheContextBeforeRunningIt() {
        int[] prompt = new int[1000];
        java.util.Arrays.fill(prompt, 5);
        assertThatThrownBy(() -> model.generate(tokens(prompt, 100, List.of())))
                .isInstanceOfSatisfying(ContextLengthExceededException.class, e -> {
                    assertThat(e.promptTokens()).isEqualTo(1000);
                    assertThat(e.maxTokens()).isEqualTo(100);
                    assertThat(e.contextLength()).isEqualTo(1024);
                });
    }

    @Test
    void concurrentGenerationsEqualSequentialOnes() throws Exception {
        List<LlamaCppReference> refs = List.of(code, LlamaCppReference.load("ds2-micro-mla-F32", "unicode"),
                LlamaCppReference.load("ds2-micro-mla-F32", "long"));
        List<int[]> sequential = new ArrayList<>();
        for (LlamaCppReference r : refs) sequential.add(model.generate(tokens(r.promptTokens(), 12, List.of())).tokens());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<int[]>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (LlamaCppReference r : refs) {
                    futures.add(pool.submit(() -> model.generate(tokens(r.promptTokens(), 12, List.of())).tokens()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % refs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < refs.size(); i++) {
            assertThat(sequential.get(i)).isEqualTo(java.util.Arrays.copyOf(refs.get(i).greedyTokens(), 12));
        }
    }

    @Test
    void aPromptSharingAPrefixWithThePreviousOneGivesTheSameResultAsAFreshRun() {
        int[] shorter = java.util.Arrays.copyOf(code.promptTokens(), code.promptTokens().length - 10);
        int[] first = model.generate(tokens(shorter, 8, List.of())).tokens();
        model.generate(tokens(code.promptTokens(), 8, List.of())); // reuses the shared prefix
        assertThat(model.generate(tokens(shorter, 8, List.of())).tokens()).isEqualTo(first);
    }

    @Test
    void chatPromptsGoThroughTheTemplateWithOneBos() {
        Completion c = model.generate(new CompletionRequest(new Prompt.Chat(List.of(ChatMessage.system("Be brief."),
                ChatMessage.user("def fib(n):"))), Sampling.withTemperature(0.7, 3), 6, List.of(), OutputConstraint.NONE));
        assertThat(c.timings().promptTokens()).isGreaterThan(5);
        assertThat(c.tokens()).hasSizeBetween(1, 6);
    }

    @Test
    void theScalarOracleGivesTheSameGreedyTokens() {
        try (LanguageModel scalar = Models.local().load(Fixtures.model("ds2-micro-mla-F32.gguf"),
                new EngineOptions(Backend.SCALAR, 1, 512))) {
            assertThat(scalar.info().backend()).isEqualTo("scalar");
            assertThat(scalar.generate(tokens(code.promptTokens(), 6, List.of())).tokens())
                    .isEqualTo(java.util.Arrays.copyOf(code.greedyTokens(), 6));
        }
    }

    @Test
    void aModelReadIntoMemoryGivesLlamaCppsGreedyTokensLikeTheMappedOne() {
        try (LanguageModel inMemory = Models.local().load(Fixtures.model("ds2-micro-mla-F32.gguf"),
                new EngineOptions(Backend.CPU, 2, 512, dev.seekfix.engine.api.WeightStorage.IN_MEMORY))) {
            assertThat(inMemory.generate(tokens(code.promptTokens(), 32, List.of())).tokens())
                    .isEqualTo(code.greedyTokens());
        }
    }

    @Test
    void askingForCudaWithoutACudaBackendSaysWhatToDo() {
        assertThatThrownBy(() -> new KernelBackends(List.of()).select(Backend.CUDA))
                .isInstanceOf(EngineException.class).hasMessageContaining("--backend cpu");
        assertThat(KernelBackends.standard().select(Backend.AUTO).factory().name()).isIn("cpu", "cuda");
    }
}
