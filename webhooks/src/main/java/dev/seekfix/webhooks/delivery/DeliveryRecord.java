package dev.seekfix.webhooks.delivery;

import java.time.Instant;

/** A stored delivery without its body: what the admin API shows. */
public record DeliveryRecord(String id, String event, String action, Long installationId, String repository,
                             Instant receivedAt, int bodyBytes, DeliveryStatus status, int attempts, int replays,
                             String lastError, String outcome, Instant startedAt, Instant finishedAt,
                             Instant nextAttemptAt, Instant updatedAt) {
}
