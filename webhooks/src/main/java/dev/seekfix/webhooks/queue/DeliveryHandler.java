package dev.seekfix.webhooks.queue;

/**
 * The work done for one delivery, run by a queue worker. Implementations must be idempotent: a delivery can be
 * handled again after a crash ({@link Delivery#recovery()}) or on purpose ({@link Delivery#replay()}).
 */
@FunctionalInterface
public interface DeliveryHandler {

    /**
     * @return the outcome; throw to have the delivery retried with backoff
     */
    Outcome handle(Delivery delivery) throws Exception;
}
