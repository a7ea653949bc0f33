package dev.seekfix.webhooks.queue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits about {@code base · 2^(n-1)}, capped at {@code max}, with a random
 * half of the delay so that failures that happen together do not retry together ("equal jitter", AWS Architecture
 * Blog, "Exponential Backoff And Jitter"). After {@code maxAttempts} the delivery is dead.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, found " + maxAttempts);
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("baseDelay must be positive, found " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay %s must not be below baseDelay %s".formatted(maxDelay, baseDelay));
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(15));
    }

    /** True when a failure of attempt {@code attempt} (1-based) may be retried. */
    public boolean allowsRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait before the attempt that follows the failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long base = baseDelay.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long exponential = (long) Math.min(maxDelay.toMillis(), base * Math.pow(2, doublings));
        long half = exponential / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
