package dev.seekfix.webhooks.queue;

/**
 * What a handler did with a delivery. Throwing an exception instead means "failed, may succeed later": the queue
 * retries with backoff until its attempts run out, then marks the delivery dead.
 */
public sealed interface Outcome {

    /** Handled; {@code summary} is recorded with the delivery (no secrets). */
    record Done(String summary) implements Outcome {
    }

    /** Nothing to do for this delivery (an event or action the handler does not act on). */
    record Ignored(String reason) implements Outcome {
    }

    /** Failed in a way that retrying cannot fix (bad payload, missing permission): marked dead at once. */
    record PermanentFailure(String reason) implements Outcome {
    }
}
