package dev.seekfix.webhooks.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler that runs before a bot is wired in: it logs each delivery and records it as done, so that
 * {@code serve} shows deliveries flowing through the queue from the first minute.
 */
public final class LoggingDeliveryHandler implements DeliveryHandler {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeliveryHandler.class);

    @Override
    public Outcome handle(Delivery delivery) {
        log.info("event=delivery.handled handler=logging github_event={} repository={} installation={} bytes={} attempt={} recovery={} replay={}",
                delivery.eventAction(), delivery.repository(), delivery.installationId(), delivery.body().length,
                delivery.attempt(), delivery.recovery(), delivery.replay());
        return new Outcome.Done("logged " + delivery.eventAction());
    }
}
