package dev.seekfix.bot.retry;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a server asks us to wait. {@code Retry-After} is seconds or an HTTP date (RFC 9110 §10.2.3);
 * GitHub's primary limit instead sends {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset} in epoch
 * seconds (docs.github.com "Rate limits for the REST API").
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        return headers.firstValue("retry-after").flatMap(value -> parse(value.trim(), clock));
    }

    public static Optional<Duration> rateLimitReset(HttpHeaders headers, Clock clock) {
        boolean exhausted = headers.firstValue("x-ratelimit-remaining").map(v -> v.trim().equals("0")).orElse(false);
        if (!exhausted) return Optional.empty();
        return headers.firstValue("x-ratelimit-reset").flatMap(value -> {
            try {
                Instant reset = Instant.ofEpochSecond(Long.parseLong(value.trim()));
                Duration wait = Duration.between(clock.instant(), reset).plusSeconds(1);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Duration> parse(String value, Clock clock) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
