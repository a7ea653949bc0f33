package dev.seekfix.bot.github;

/**
 * GitHub answered a REST call with an error. {@link #retryable()} separates "try the delivery again later"
 * (5xx, rate limits not waited out) from "this will not work" (401, 403 without a limit, 404, 422).
 */
public class GitHubApiException extends RuntimeException {
    private final int status;
    private final String method;
    private final String path;

    public GitHubApiException(int status, String method, String path, String message) {
        super("GitHub answered HTTP %d to %s %s: %s".formatted(status, method, path, message));
        this.status = status;
        this.method = method;
        this.path = path;
    }

    protected GitHubApiException(int status, String method, String path, String message, boolean raw) {
        super(message);
        this.status = status;
        this.method = method;
        this.path = path;
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean retryable() {
        return status >= 500 || status == 0;
    }
}
