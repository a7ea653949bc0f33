package dev.seekfix.bot.github;

import java.time.Duration;

/** GitHub's rate limit did not clear within the waits we allow for one call; the delivery is retried later. */
public final class RateLimitedException extends GitHubApiException {
    private final Duration requestedWait;

    public RateLimitedException(int status, String method, String path, Duration requestedWait, int attempts) {
        super(status, method, path, ("GitHub rate limit on %s %s: asked to wait %ds after %d attempt(s), more than one"
                + " call may wait; the delivery will be retried").formatted(method, path, requestedWait.toSeconds(), attempts), true);
        this.requestedWait = requestedWait;
    }

    public Duration requestedWait() {
        return requestedWait;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
