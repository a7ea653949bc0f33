package dev.seekfix.bot.github;

import io.jsonwebtoken.Jwts;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The App's own JWT (docs.github.com "Generating a JSON Web Token for a GitHub App"): RS256, {@code iat} 60 s in
 * the past against clock drift, {@code exp} 9 minutes ahead (GitHub allows at most 10), {@code iss} the App id.
 * A token is reused until a minute before it expires.
 */
public final class AppJwt {
    static final Duration BACKDATE = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(9);

    private final long appId;
    private final RSAPrivateKey key;
    private final Clock clock;
    private String current;
    private Instant expiresAt = Instant.EPOCH;

    public AppJwt(long appId, RSAPrivateKey key, Clock clock) {
        this.appId = appId;
        this.key = key;
        this.clock = clock;
    }

    public synchronized String token() {
        Instant now = clock.instant();
        if (current == null || now.isAfter(expiresAt.minusSeconds(60))) {
            expiresAt = now.plus(LIFETIME);
            current = Jwts.builder()
                    .issuer(Long.toString(appId))
                    .issuedAt(Date.from(now.minus(BACKDATE)))
                    .expiration(Date.from(expiresAt))
                    .signWith(key, Jwts.SIG.RS256)
                    .compact();
        }
        return current;
    }

    public long appId() {
        return appId;
    }
}
