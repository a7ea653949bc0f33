package dev.seekfix.bot.github;

import org.kohsuke.github.GHAppFromManifest;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The last step of GitHub's App manifest flow: {@code POST /app-manifests/{code}/conversions} (no authentication;
 * the code is valid for one hour) returns the new App's id, slug, key and webhook secret.
 */
public final class ManifestConversion {
    private final URI apiBase;

    public ManifestConversion(URI apiBase) {
        this.apiBase = apiBase;
    }

    public AppCredentials convert(String code) {
        if (!code.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new IllegalArgumentException("expected the manifest code GitHub appends to the callback URL, found '"
                    + code.substring(0, Math.min(code.length(), 40)) + "'");
        }
        try {
            GitHub anonymous = new GitHubBuilder().withEndpoint(apiBase.toString().replaceAll("/+$", "")).build();
            GHAppFromManifest app = anonymous.createAppFromManifest(code);
            return new AppCredentials(app.getId(), app.getSlug(), app.getPem(), app.getWebhookSecret(),
                    Optional.ofNullable(app.getClientId()), Optional.ofNullable(app.getHtmlUrl()).map(Object::toString));
        } catch (HttpException e) {
            throw new GitHubApiException(e.getResponseCode(), "POST", "/app-manifests/{code}/conversions",
                    "the manifest code was refused (%s); codes expire after one hour and work once: start again at /setup"
                            .formatted(e.getMessage()));
        } catch (IOException e) {
            throw new GitHubApiException(0, "POST", "/app-manifests/{code}/conversions", "GitHub did not answer: " + e.getMessage());
        }
    }
}
