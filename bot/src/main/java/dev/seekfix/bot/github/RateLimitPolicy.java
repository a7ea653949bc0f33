package dev.seekfix.bot.github;

import java.time.Duration;

/**
 * How patiently calls wait out GitHub's limits.
 *
 * @param maxAttempts     tries per call, the first included
 * @param maxWait         the longest single wait; a longer {@code Retry-After} or reset fails the call as
 *                        {@link RateLimitedException} so the queue retries the delivery later
 * @param secondaryWait   wait for a secondary-limit 403/429 without headers (GitHub: "at least one minute")
 * @param mutationSpacing least time between content-creating requests (secondary limit: 80 a minute)
 */
public record RateLimitPolicy(int maxAttempts, Duration maxWait, Duration secondaryWait, Duration mutationSpacing) {

    public RateLimitPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, found " + maxAttempts);
    }

    public static RateLimitPolicy defaults() {
        return new RateLimitPolicy(4, Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofMillis(800));
    }
}
