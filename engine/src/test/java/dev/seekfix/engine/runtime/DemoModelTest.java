package dev.seekfix.engine.runtime;

import dev.seekfix.engine.api.ChatMessage;
import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModelTest {

    @TempDir
    Path dataDir;

    @Test
    void writesTheDemoModelOnceAndItRunsAChat() throws Exception {
        Path file = DemoModel.ensure(dataDir);
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThat(DemoModel.ensure(dataDir)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        try (LanguageModel m = Models.local().load(file, EngineOptions.defaults())) {
            assertThat(m.info().randomWeights()).isTrue();
            Completion c = m.generate(CompletionRequest.chat(List.of(ChatMessage.user("Review my diff")), 8));
            assertThat(c.tokens().length).isBetween(0, 8);
        }
    }
}
