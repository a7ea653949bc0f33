package dev.seekfix.bot.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.seekfix.bot.retry.RetryAfter;
import dev.seekfix.bot.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST transport: JSON in and out, Link-header pagination, and GitHub's primary and secondary rate limits
 * honoured with bounded retries (docs.github.com "Best practices for using the REST API": wait for
 * {@code Retry-After}, else until {@code x-ratelimit-reset} when {@code x-ratelimit-remaining} is 0, else at least
 * a minute; space out content-creating requests). Every request carries the delivery id it works for.
 */
public final class GitHubRest {
    private static final Logger log = LoggerFactory.getLogger(GitHubRest.class);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private final URI apiBase;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RateLimitPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Object mutationLock = new Object();
    private Instant lastMutation = Instant.EPOCH;

    public GitHubRest(URI apiBase, HttpClient http, ObjectMapper json, RateLimitPolicy policy, Sleeper sleeper, Clock clock) {
        String base = apiBase.toString().replaceAll("/+$", "");
        this.apiBase = URI.create(base);
        this.http = http;
        this.json = json;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public URI apiBase() {
        return apiBase;
    }

    public ObjectMapper json() {
        return json;
    }

    public JsonNode get(String path, String token) {
        return call("GET", path, null, token);
    }

    /** A GET whose 404 means "absent" (a file, a permission) rather than an error. */
    public Optional<JsonNode> getIfPresent(String path, String token) {
        try {
            return Optional.of(get(path, token));
        } catch (GitHubApiException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Every page of a list endpoint, following {@code Link: rel="next"}; {@code arrayField} for wrapped lists. */
    public List<JsonNode> getAll(String path, String token, String arrayField) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        URI next = resolve(path + separator + "per_page=100");
        while (next != null) {
            HttpResponse<String> response = exchange("GET", next, null, token);
            JsonNode page = parse(response, "GET", next.getPath());
            JsonNode array = arrayField == null ? page : page.path(arrayField);
            array.forEach(items::add);
            next = response.headers().firstValue("link").map(GitHubRest::nextLink).map(URI::create).orElse(null);
        }
        return items;
    }

    public JsonNode post(String path, Object body, String token) {
        return call("POST", path, body, token);
    }

    public JsonNode patch(String path, Object body, String token) {
        return call("PATCH", path, body, token);
    }

    public JsonNode put(String path, Object body, String token) {
        return call("PUT", path, body, token);
    }

    private JsonNode call(String method, String path, Object body, String token) {
        URI uri = resolve(path);
        return parse(exchange(method, uri, body, token), method, uri.getPath());
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create(apiBase + path);
    }

    static String nextLink(String linkHeader) {
        Matcher m = NEXT_LINK.matcher(linkHeader);
        return m.find() ? m.group(1) : null;
    }

    private JsonNode parse(HttpResponse<String> response, String method, String path) {
        String body = response.body();
        if (body == null || body.isBlank()) return NullNode.getInstance();
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new GitHubApiException(response.statusCode(), method, path, "expected a JSON body, found: " + excerpt(body));
        }
    }

    private HttpResponse<String> exchange(String method, URI uri, Object body, String token) {
        String payload;
        try {
            payload = body == null ? null : (body instanceof String s ? s : json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the body of " + method + " " + uri.getPath(), e);
        }
        boolean mutation = !method.equals("GET");
        for (int attempt = 1; ; attempt++) {
            if (mutation) spaceMutations();
            HttpResponse<String> response;
            try {
                response = http.send(request(method, uri, payload, token), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new GitHubApiException(0, method, uri.getPath(), "no answer after %d attempts: %s"
                            .formatted(attempt, e.getMessage()));
                }
                pause(Duration.ofSeconds(attempt), method, uri);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitHubApiException(0, method, uri.getPath(), "interrupted");
            }
            int status = response.statusCode();
            if (status / 100 == 2 || status == 304) return response;
            Optional<Duration> limitWait = limitWait(response);
            if (limitWait.isPresent()) {
                Duration wait = limitWait.get();
                if (attempt >= policy.maxAttempts() || wait.compareTo(policy.maxWait()) > 0) {
                    throw new RateLimitedException(status, method, uri.getPath(), wait, attempt);
                }
                log.warn("GitHub rate limit on {} {} (HTTP {}): waiting {}s, attempt {}/{}", method, uri.getPath(),
                        status, wait.toSeconds(), attempt, policy.maxAttempts());
                pause(wait, method, uri);
                continue;
            }
            if (status >= 500 && attempt < policy.maxAttempts()) {
                pause(Duration.ofSeconds(attempt), method, uri);
                continue;
            }
            throw new GitHubApiException(status, method, uri.getPath(), message(response));
        }
    }

    /** The wait a 403/429 asks for, or empty when it is not a rate limit (a plain permission error). */
    private Optional<Duration> limitWait(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 403 && status != 429) return Optional.empty();
        Optional<Duration> retryAfter = RetryAfter.retryAfter(response.headers(), clock);
        if (retryAfter.isPresent()) return retryAfter;
        Optional<Duration> reset = RetryAfter.rateLimitReset(response.headers(), clock);
        if (reset.isPresent()) return reset;
        // A secondary limit can come without headers; GitHub documents its body ("secondary rate limit").
        String body = response.body() == null ? "" : response.body().toLowerCase(java.util.Locale.ROOT);
        if (status == 429 || body.contains("secondary rate limit") || body.contains("abuse")) {
            return Optional.of(policy.secondaryWait());
        }
        return Optional.empty();
    }

    private void spaceMutations() {
        synchronized (mutationLock) {
            Duration since = Duration.between(lastMutation, clock.instant());
            Duration remaining = policy.mutationSpacing().minus(since);
            if (!remaining.isNegative() && !remaining.isZero()) {
                try {
                    sleeper.sleep(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lastMutation = clock.instant();
        }
    }

    private void pause(Duration wait, String method, URI uri) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubApiException(0, method, uri.getPath(), "interrupted while waiting out a rate limit");
        }
    }

    private HttpRequest request(String method, URI uri, String payload, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "seekfix");
        if (token != null) builder.header("Authorization", "Bearer " + token);
        String delivery = MDC.get("delivery");
        if (delivery != null) builder.header("X-Seekfix-Delivery", delivery);
        if (payload == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(payload));
        }
        return builder.build();
    }

    private String message(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        try {
            JsonNode node = json.readTree(body);
            String message = node.path("message").asText("");
            JsonNode errors = node.path("errors");
            return errors.isMissingNode() ? message : message + " " + errors;
        } catch (JsonProcessingException e) {
            return excerpt(body);
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
