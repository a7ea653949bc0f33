package dev.seekfix.webhooks.server;

import io.javalin.config.RoutesConfig;

/**
 * Routes another module adds to the intake server (the bot's {@code /setup} flow and dashboard), registered once
 * when the server is built: {@code routes.get("/setup", ctx -> …)}.
 */
@FunctionalInterface
public interface RouteContributor {
    void contribute(RoutesConfig routes);
}
