package dev.seekfix.bot.model;

/**
 * The model backend could not produce an answer. {@link #retryable()} is true for failures that may pass later
 * (server down, overloaded, timed out): the delivery is then retried by the queue.
 */
public class ModelException extends RuntimeException {
    private final boolean retryable;

    public ModelException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ModelException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
