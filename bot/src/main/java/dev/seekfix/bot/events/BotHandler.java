package dev.seekfix.bot.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.config.RepoConfigLoader;
import dev.seekfix.bot.github.AppCredentials;
import dev.seekfix.bot.github.AppNotConfiguredException;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.GitHubApp;
import dev.seekfix.bot.model.ModelException;
import dev.seekfix.webhooks.queue.Delivery;
import dev.seekfix.webhooks.queue.DeliveryHandler;
import dev.seekfix.webhooks.queue.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bot's side of the queue: one failure boundary per delivery. It puts the delivery id, repository and PR in
 * the log context, routes {@code event.action} to its task, and decides: GitHub 5xx, rate limits not waited out,
 * an unreachable model and unexpected errors are retried (thrown); a bad payload, a missing permission, a refused
 * request or an unusable model answer are permanent.
 */
public final class BotHandler implements DeliveryHandler {
    private static final Logger log = LoggerFactory.getLogger(BotHandler.class);

    private final RoutingTable routes;
    private final GitHubApp github;
    private final Supplier<Optional<AppCredentials>> credentials;
    private final RepoConfigLoader configLoader;
    private final ObjectMapper json;

    public BotHandler(RoutingTable routes, GitHubApp github, Supplier<Optional<AppCredentials>> credentials,
                      RepoConfigLoader configLoader, ObjectMapper json) {
        this.routes = routes;
        this.github = github;
        this.credentials = credentials;
        this.configLoader = configLoader;
        this.json = json;
    }

    @Override
    public Outcome handle(Delivery delivery) throws Exception {
        MDC.put("delivery", delivery.id());
        try {
            return dispatch(delivery);
        } finally {
            MDC.remove("delivery");
            MDC.remove("repo");
            MDC.remove("pr");
        }
    }

    private Outcome dispatch(Delivery delivery) throws Exception {
        Optional<Route> route = routes.route(delivery.eventAction());
        if (route.isEmpty()) return new Outcome.Ignored("seekfix does not act on " + delivery.eventAction());
        JsonNode payload;
        try {
            payload = json.readTree(delivery.body());
        } catch (JsonProcessingException e) {
            return new Outcome.PermanentFailure("payload of %s is not JSON: %s".formatted(delivery.eventAction(), e.getOriginalMessage()));
        }
        Long installation = delivery.installationId() != null ? delivery.installationId()
                : payload.path("installation").path("id").isNumber() ? payload.path("installation").path("id").asLong() : null;
        String repository = delivery.repository() != null ? delivery.repository()
                : payload.path("repository").path("full_name").asText(null);
        if (installation == null || repository == null) {
            return new Outcome.Ignored("%s without installation or repository".formatted(delivery.eventAction()));
        }
        MDC.put("repo", repository);
        Optional<AppCredentials> app = credentials.get();
        if (app.isEmpty()) {
            return new Outcome.PermanentFailure("no GitHub App is configured; open /setup or set SEEKFIX_APP_ID and SEEKFIX_PRIVATE_KEY_FILE");
        }
        Optional<String> loop = LoopGuard.reason(delivery.event(), payload, app.get().botLogin());
        if (loop.isPresent()) return new Outcome.Ignored(loop.get());
        EventContext ctx = new EventContext(delivery, payload, github.repo(installation, repository), app.get().botLogin(), configLoader);
        try {
            Outcome outcome = route.get().run(ctx);
            log.info("{} {}: {}", delivery.eventAction(), repository, outcome);
            return outcome;
        } catch (GitHubApiException e) {
            if (e.status() == 401) github.tokens().forget(installation);
            if (e.retryable() || e.status() == 401) {
                log.warn("{} {}: will retry: {}", delivery.eventAction(), repository, e.getMessage());
                throw e;
            }
            log.warn("{} {}: failed for good: {}", delivery.eventAction(), repository, e.getMessage());
            return new Outcome.PermanentFailure(e.getMessage());
        } catch (ModelException e) {
            if (e.retryable()) throw e;
            log.warn("{} {}: model failed for good: {}", delivery.eventAction(), repository, e.getMessage());
            return new Outcome.PermanentFailure(e.getMessage());
        } catch (AppNotConfiguredException e) {
            return new Outcome.PermanentFailure(e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {}: unexpected failure, will retry", delivery.eventAction(), repository, e);
            throw e;
        }
    }
}
