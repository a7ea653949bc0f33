package dev.seekfix.webhooks.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The shared GitHub fixtures ({@code seekfix.fixtures}/github), skipping the test when they are absent. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Path github(String file) {
        Path root = Path.of(System.getProperty("seekfix.fixtures", "../shared/fixtures"));
        Path path = root.resolve("github").resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path),
                "fixture %s not found; set -Dseekfix.fixtures to the shared fixtures folder".formatted(path));
        return path;
    }

    public static JsonNode json(String file) {
        try {
            return JSON.readTree(github(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One example payload of Octokit's webhook examples, serialised again (a new body, signed by the test). */
    public record Example(String event, int index, byte[] body) {
        @Override
        public String toString() {
            return event + "#" + index;
        }
    }

    public static List<Example> webhookExamples(Set<String> events) {
        List<Example> examples = new ArrayList<>();
        for (JsonNode event : json("webhooks-examples-api.github.com.json")) {
            String name = event.path("name").asText();
            if (!events.contains(name)) continue;
            int i = 0;
            for (JsonNode payload : event.path("examples")) {
                try {
                    examples.add(new Example(name, i++, JSON.writeValueAsBytes(payload)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return examples;
    }
}
