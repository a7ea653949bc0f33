package dev.seekfix.bot.github;

import org.kohsuke.github.GHAppInstallationToken;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Installation access tokens, made through hub4j github-api with the App JWT, cached per installation and renewed
 * ten minutes before they expire (they last an hour; docs.github.com "Authenticating as a GitHub App installation").
 * The token's length and format are not assumed. Credentials written by {@code /setup} are picked up on the next
 * call: the App JWT is rebuilt whenever they change.
 */
public final class InstallationTokens {
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(10);

    private record Token(String value, Instant expiresAt) {
    }

    private record AppClient(AppCredentials credentials, AppJwt jwt, GitHub github) {
    }

    private final Supplier<Optional<AppCredentials>> credentials;
    private final URI apiBase;
    private final Clock clock;
    private final RateLimitPolicy policy;
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();
    private volatile AppClient appClient;

    public InstallationTokens(Supplier<Optional<AppCredentials>> credentials, URI apiBase, Clock clock, RateLimitPolicy policy) {
        this.credentials = credentials;
        this.apiBase = apiBase;
        this.clock = clock;
        this.policy = policy;
    }

    public String token(long installationId) {
        Token cached = tokens.get(installationId);
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            return cached.value();
        }
        Token fresh = create(installationId);
        tokens.put(installationId, fresh);
        return fresh.value();
    }

    /** Drops a token GitHub refused (revoked, installation suspended) so the next call makes a new one. */
    public void forget(long installationId) {
        tokens.remove(installationId);
    }

    /** The App JWT for App-level calls. */
    public String appJwt() {
        return appClient().jwt().token();
    }

    private Token create(long installationId) {
        String path = "/app/installations/" + installationId + "/access_tokens";
        try {
            GHAppInstallationToken token = appClient().github().getApp().getInstallationById(installationId)
                    .createToken().create();
            Instant expiresAt = token.getExpiresAt() == null ? clock.instant().plus(Duration.ofHours(1)) : token.getExpiresAt();
            return new Token(token.getToken(), expiresAt);
        } catch (HttpException e) {
            throw new GitHubApiException(e.getResponseCode(), "POST", path,
                    "cannot create an installation token (" + e.getMessage() + "); is the App installed and its key current?");
        } catch (IOException e) {
            throw new GitHubApiException(0, "POST", path, "cannot create an installation token: " + e.getMessage());
        }
    }

    private AppClient appClient() {
        AppCredentials current = credentials.get().orElseThrow(() -> new AppNotConfiguredException(
                "no GitHub App is configured: open /setup, or set SEEKFIX_APP_ID and SEEKFIX_PRIVATE_KEY_FILE"));
        AppClient client = appClient;
        if (client != null && client.credentials().equals(current)) return client;
        synchronized (this) {
            if (appClient != null && appClient.credentials().equals(current)) return appClient;
            AppJwt jwt = new AppJwt(current.appId(), PrivateKeys.parse(current.privateKeyPem(), "the App's private key"), clock);
            try {
                GitHub github = new GitHubBuilder()
                        .withEndpoint(apiBase.toString().replaceAll("/+$", ""))
                        .withAuthorizationProvider(() -> "Bearer " + jwt.token())
                        .withRateLimitHandler(new BoundedRateLimit())
                        .withAbuseLimitHandler(new BoundedAbuseLimit())
                        .build();
                tokens.clear();
                appClient = new AppClient(current, jwt, github);
                return appClient;
            } catch (IOException e) {
                throw new GitHubApiException(0, "GET", "/app", "cannot set up the GitHub client: " + e.getMessage());
            }
        }
    }

    /** Waits out a primary limit when the reset is near, else fails the call so the delivery retries later. */
    private final class BoundedRateLimit extends GitHubRateLimitHandler {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            waitOrFail(response, "primary");
        }
    }

    /** The same for secondary ("abuse") limits: {@code Retry-After}, else the policy's wait. */
    private final class BoundedAbuseLimit extends GitHubAbuseLimitHandler {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            waitOrFail(response, "secondary");
        }
    }

    private void waitOrFail(GitHubConnectorResponse response, String kind) throws IOException {
        Duration wait = Optional.ofNullable(response.header("Retry-After")).map(String::trim).map(Long::parseLong)
                .map(Duration::ofSeconds)
                .or(() -> Optional.ofNullable(response.header("X-RateLimit-Reset")).map(String::trim)
                        .map(reset -> Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset)))))
                .orElse(policy.secondaryWait());
        if (wait.compareTo(policy.maxWait()) > 0) {
            throw new IOException("GitHub %s rate limit asks to wait %ds while creating an installation token"
                    .formatted(kind, wait.toSeconds()));
        }
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting out a rate limit", e);
        }
    }
}
