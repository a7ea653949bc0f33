package dev.seekfix.webhooks.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One stored webhook delivery, as a handler sees it.
 *
 * @param id             the {@code X-GitHub-Delivery} header
 * @param event          the {@code X-GitHub-Event} header, e.g. {@code pull_request}
 * @param action         the payload's {@code action}, or null for events without one
 * @param installationId the payload's {@code installation.id}, or null
 * @param repository     the payload's {@code repository.full_name}, or null
 * @param body           the raw body exactly as GitHub signed it
 * @param attempt        1 for the first run, 2 for the first retry, …
 * @param recovery       true when this run restarts a job that was running when its process died
 * @param replay         true when an operator asked to run it again
 */
public record Delivery(String id, String event, String action, Long installationId, String repository,
                       Instant receivedAt, byte[] body, int attempt, boolean recovery, boolean replay) {

    /** {@code event.action}, or just {@code event} when there is no action: the key of routing tables. */
    public String eventAction() {
        return action == null ? event : event + "." + action;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
