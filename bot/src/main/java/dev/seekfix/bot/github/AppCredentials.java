package dev.seekfix.bot.github;

import java.util.Objects;
import java.util.Optional;

/**
 * Who seekfix is on GitHub: what the manifest flow hands back, or what the environment sets.
 *
 * @param slug          the App's URL name; its comments come from {@code <slug>[bot]}
 * @param privateKeyPem PKCS#1 or PKCS#8 PEM, exactly as GitHub gave it
 * @param htmlUrl       the App's page, e.g. {@code https://github.com/apps/seekfix}; empty when unknown
 */
public record AppCredentials(long appId, String slug, String privateKeyPem, String webhookSecret,
                             Optional<String> clientId, Optional<String> htmlUrl) {

    public AppCredentials {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(htmlUrl, "htmlUrl");
        if (appId <= 0) throw new IllegalArgumentException("app id must be positive, found " + appId);
    }

    /** The login of the App's bot user, which authors everything seekfix posts. */
    public String botLogin() {
        return slug + "[bot]";
    }

    @Override
    public String toString() {
        return "AppCredentials[appId=%d, slug=%s, key=<redacted>, webhookSecret=<redacted>]".formatted(appId, slug);
    }
}
