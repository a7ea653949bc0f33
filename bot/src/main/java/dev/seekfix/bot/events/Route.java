package dev.seekfix.bot.events;

import dev.seekfix.webhooks.queue.Outcome;

/** The work for one {@code event.action}; throws to have the delivery retried. */
@FunctionalInterface
public interface Route {
    Outcome run(EventContext context) throws Exception;
}
