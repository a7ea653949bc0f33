package dev.seekfix.bot.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seekfix.bot.config.LoadedConfig;
import dev.seekfix.bot.config.RepoConfigLoader;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.webhooks.queue.Delivery;

/**
 * Everything a task needs for one delivery: the payload, the repository as the installation, the bot's own login
 * (loop guard) and the repository's config, read once from the default branch when first asked for.
 */
public final class EventContext {
    private final Delivery delivery;
    private final JsonNode payload;
    private final RepoClient repo;
    private final String botLogin;
    private final RepoConfigLoader configLoader;
    private LoadedConfig config;

    public EventContext(Delivery delivery, JsonNode payload, RepoClient repo, String botLogin, RepoConfigLoader configLoader) {
        this.delivery = delivery;
        this.payload = payload;
        this.repo = repo;
        this.botLogin = botLogin;
        this.configLoader = configLoader;
    }

    public Delivery delivery() {
        return delivery;
    }

    public JsonNode payload() {
        return payload;
    }

    public RepoClient repo() {
        return repo;
    }

    /** {@code <app-slug>[bot]}: comments and commits by this login never trigger seekfix. */
    public String botLogin() {
        return botLogin;
    }

    public synchronized LoadedConfig config() {
        if (config == null) config = configLoader.load(repo);
        return config;
    }
}
