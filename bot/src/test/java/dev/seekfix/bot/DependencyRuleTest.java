package dev.seekfix.bot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md's dependency rule: the bot uses the engine's api package and the webhooks' queue and server SPIs only. */
class DependencyRuleTest {
    @Test
    void botImportsOnlyTheEngineApiAndTheWebhooksSpis() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.startsWith("import dev.seekfix.engine.") && !l.startsWith("import dev.seekfix.engine.api.")
                                    || l.startsWith("import dev.seekfix.webhooks.") && !l.startsWith("import dev.seekfix.webhooks.queue.")
                                    && !l.startsWith("import dev.seekfix.webhooks.server.RouteContributor;"))
                            .map(l -> p + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
    }
}
