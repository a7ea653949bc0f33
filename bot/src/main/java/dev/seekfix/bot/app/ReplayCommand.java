package dev.seekfix.bot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.webhooks.queue.Delivery;
import dev.seekfix.webhooks.queue.DeliveryHandler;
import dev.seekfix.webhooks.queue.LoggingDeliveryHandler;
import dev.seekfix.webhooks.queue.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code seekfix replay}: push one payload through the handler in this process (development). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run one webhook payload through the bot's handler, without the server or the queue.")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--event", required = true, description = "X-GitHub-Event value, e.g. pull_request")
    String event;

    @Option(names = "--file", required = true, description = "payload JSON file")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.printf("seekfix replay: %s is not a file; pass the payload JSON with --file%n", file);
            return 2;
        }
        byte[] body = Files.readAllBytes(file);
        JsonNode payload;
        try {
            payload = new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            System.err.printf("seekfix replay: %s is not JSON (%s)%n", file, e.getMessage());
            return 2;
        }
        Delivery delivery = new Delivery("replay-" + UUID.randomUUID(), event,
                payload.path("action").isTextual() ? payload.path("action").asText() : null,
                payload.path("installation").path("id").canConvertToLong() ? payload.path("installation").path("id").asLong() : null,
                payload.path("repository").path("full_name").isTextual() ? payload.path("repository").path("full_name").asText() : null,
                Instant.now(), body, 1, false, true);
        DeliveryHandler handler = new LoggingDeliveryHandler();
        Outcome outcome = handler.handle(delivery);
        System.out.println(outcome);
        return outcome instanceof Outcome.PermanentFailure ? 1 : 0;
    }
}
