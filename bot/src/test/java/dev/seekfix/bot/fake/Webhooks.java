package dev.seekfix.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.webhooks.queue.Delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Deliveries made from GitHub's real example payloads ({@code shared/fixtures/github/webhooks-examples…json}),
 * adjusted to the test's repository, PR and installation.
 */
public final class Webhooks {
    private static volatile JsonNode examples;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    public static Optional<Path> file() {
        Path path = Path.of(System.getProperty("seekfix.fixtures", "../../shared/fixtures"), "github", "webhooks-examples-api.github.com.json");
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** The first example of {@code event} with {@code action}, deep-copied. */
    public static synchronized ObjectNode example(String event, String action) {
        try {
            if (examples == null) examples = JSON.readTree(file().orElseThrow().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode e : examples) {
            if (!e.path("name").asText().equals(event)) continue;
            for (JsonNode example : e.path("examples")) {
                if (action == null || example.path("action").asText().equals(action)) return example.deepCopy();
            }
        }
        throw new IllegalArgumentException("no example for " + event + "." + action);
    }

    public static ObjectNode pullRequest(String action, String repo, int number, String headSha, long installation) {
        ObjectNode payload = example("pull_request", action);
        payload.put("number", number);
        ObjectNode pr = (ObjectNode) payload.path("pull_request");
        pr.put("number", number);
        ((ObjectNode) pr.path("head")).put("sha", headSha);
        ((ObjectNode) payload.path("repository")).put("full_name", repo);
        payload.putObject("installation").put("id", installation);
        return payload;
    }

    public static ObjectNode issueComment(String repo, int number, String body, String login, String association, long installation,
                                          long commentId) {
        ObjectNode payload = example("issue_comment", "created");
        ObjectNode issue = (ObjectNode) payload.path("issue");
        issue.put("number", number);
        issue.putObject("pull_request").put("url", "https://api.github.com/repos/%s/pulls/%d".formatted(repo, number));
        ObjectNode comment = (ObjectNode) payload.path("comment");
        comment.put("id", commentId);
        comment.put("body", body);
        comment.put("author_association", association);
        ((ObjectNode) comment.path("user")).put("login", login);
        ((ObjectNode) payload.path("sender")).put("login", login);
        ((ObjectNode) payload.path("repository")).put("full_name", repo);
        payload.putObject("installation").put("id", installation);
        return payload;
    }

    public static Delivery delivery(String event, JsonNode payload) {
        return delivery(event, payload, UUID.randomUUID().toString());
    }

    public static Delivery delivery(String event, JsonNode payload, String id) {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode installation = payload.path("installation").path("id");
        return new Delivery(id, event, payload.path("action").asText(null), installation.isNumber() ? installation.asLong() : null,
                payload.path("repository").path("full_name").asText(null), Instant.now(), body, 1, false, false);
    }

    public static ObjectNode with(ObjectNode payload, Consumer<ObjectNode> change) {
        change.accept(payload);
        return payload;
    }
}
