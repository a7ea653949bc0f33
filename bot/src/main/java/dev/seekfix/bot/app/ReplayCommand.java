package dev.seekfix.bot.app;

import com.fasterxml.jackson.core.JsonFactory;
import dev.seekfix.webhooks.delivery.PayloadFacts;
import dev.seekfix.webhooks.queue.Delivery;
import dev.seekfix.webhooks.queue.DeliveryHandler;
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
        description = "Run one webhook payload through the bot's handler (review, commands; not CI fixes), without the server or the queue.")
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
        // The same reading of action, installation and repository the intake does for a real delivery.
        PayloadFacts facts;
        try {
            facts = PayloadFacts.read(new JsonFactory(), body);
        } catch (PayloadFacts.MalformedPayloadException e) {
            System.err.printf("seekfix replay: %s: %s%n", file, e.getMessage());
            return 2;
        }
        Delivery delivery = new Delivery("replay-" + UUID.randomUUID(), event, facts.action(), facts.installationId(),
                facts.repository(), Instant.now(), body, 1, false, true);
        // The bot's handler with the configured model; CI fixes need the queue's database and are left out here.
        BotSettings settings = BotSettings.fromEnvironment(System.getenv());
        DeliveryHandler handler = new BotAssembly(settings,
                CodeModels.open(settings, dev.seekfix.engine.api.EngineOptions.defaults())).handler();
        Outcome outcome = handler.handle(delivery);
        System.out.println(outcome);
        return outcome instanceof Outcome.PermanentFailure ? 1 : 0;
    }
}
