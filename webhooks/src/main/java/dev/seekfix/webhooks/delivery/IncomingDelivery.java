package dev.seekfix.webhooks.delivery;

import java.time.Instant;

/** A verified webhook request, about to be stored. {@code body} is the raw body exactly as signed. */
public record IncomingDelivery(String id, String event, String action, Long installationId, String repository,
                               Instant receivedAt, byte[] body) {
}
