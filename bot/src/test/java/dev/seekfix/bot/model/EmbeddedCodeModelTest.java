package dev.seekfix.bot.model;

import dev.seekfix.engine.api.ChatMessage;
import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.ContextLengthExceededException;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.ModelInfo;
import dev.seekfix.engine.api.OutputConstraint;
import dev.seekfix.engine.api.StopReason;
import dev.seekfix.engine.api.Timings;
import dev.seekfix.engine.api.TokenSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine seam: a recording {@link LanguageModel} stands in until the engine's runtime lands. */
class EmbeddedCodeModelTest {
    static final class RecordingEngine implements LanguageModel {
        final List<CompletionRequest> requests = new ArrayList<>();
        final boolean random;
        boolean overflow;

        RecordingEngine(boolean random) {
            this.random = random;
        }

        @Override public ModelInfo info() { return new ModelInfo("deepseek2", random ? "seekfix-demo" : "coder-v2-lite", 4096, 102400, "cpu", random); }
        @Override public int[] tokenize(String text, boolean addBos) { return new int[text.length() / 2]; }
        @Override public String detokenize(int[] ids) { return ""; }
        @Override public void close() { }

        @Override
        public Completion generate(CompletionRequest request, TokenSink sink) {
            requests.add(request);
            if (overflow) throw new ContextLengthExceededException(5000, 100, 4096);
            return new Completion("{\"findings\":[]}", new int[]{1, 2}, StopReason.CONSTRAINT_COMPLETE, new Timings(50, 1, 2, 1));
        }
    }

    @Test
    void passesTheSchemaAsAConstraintAndCountsTokens() {
        RecordingEngine engine = new RecordingEngine(false);
        ModelReply reply = new EmbeddedCodeModel(engine).complete(ModelRequest.json(List.of(ChatMessage.user("x")), "{\"type\":\"object\"}", 64));

        assertThat(engine.requests.getFirst().constraint()).isEqualTo(new OutputConstraint.JsonSchema("{\"type\":\"object\"}"));
        assertThat(engine.requests.getFirst().sampling().isGreedy()).isTrue();
        assertThat(reply.usage()).isEqualTo(new TokenUsage(50, 2, 1));
    }

    @Test
    void theDemoModelSaysItsOutputIsMeaningless() {
        assertThat(new EmbeddedCodeModel(new RecordingEngine(true)).label()).contains("demo model").contains("meaningless");
        assertThat(new EmbeddedCodeModel(new RecordingEngine(false)).label()).isEqualTo("coder-v2-lite (embedded, cpu)");
    }

    @Test
    void aPromptTooLongForTheContextIsAPermanentModelFailure() {
        RecordingEngine engine = new RecordingEngine(false);
        engine.overflow = true;
        assertThatThrownBy(() -> new EmbeddedCodeModel(engine).complete(ModelRequest.text(List.of(ChatMessage.user("x")), 100)))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("exceeds the context of 4096");
    }
}
