package dev.seekfix.bot.github;

import dev.seekfix.bot.fake.TestBot;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppJwtTest {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"/keys/app-key-pkcs1.pem", "/keys/app-key-pkcs8.pem"})
    void pkcs1AndPkcs8KeysBothSignValidAppJwts(String keyFile) {
        RSAPrivateKey key = PrivateKeys.parse(TestBot.resource(keyFile), keyFile);
        String token = new AppJwt(4242, key, Clock.fixed(NOW, ZoneOffset.UTC)).token();

        Jws<Claims> jws = Jwts.parser().verifyWith(PrivateKeys.publicKeyOf(key)).clock(() -> java.util.Date.from(NOW)).build()
                .parseSignedClaims(token);

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("RS256");
        assertThat(jws.getPayload().getIssuer()).isEqualTo("4242");
        assertThat(jws.getPayload().getIssuedAt().toInstant()).isEqualTo(NOW.minusSeconds(60));
        assertThat(jws.getPayload().getExpiration().toInstant()).isAfter(NOW).isBeforeOrEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void pkcs1AndPkcs8FilesOfTheSameKeyReadAsTheSameKey() {
        RSAPrivateKey pkcs1 = PrivateKeys.parse(TestBot.resource("/keys/app-key-pkcs1.pem"), "pkcs1");
        RSAPrivateKey pkcs8 = PrivateKeys.parse(TestBot.resource("/keys/app-key-pkcs8.pem"), "pkcs8");
        assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
    }

    @Test
    void reusesATokenUntilAMinuteBeforeItExpires() {
        RSAPrivateKey key = PrivateKeys.parse(TestBot.resource("/keys/app-key-pkcs8.pem"), "pkcs8");
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        AppJwt jwt = new AppJwt(1, key, clock);
        String first = jwt.token();
        now[0] = NOW.plusSeconds(7 * 60);
        assertThat(jwt.token()).isEqualTo(first);
        now[0] = NOW.plusSeconds(8 * 60 + 1);
        assertThat(jwt.token()).isNotEqualTo(first);
    }

    @Test
    void rejectsAFileWithoutAPemKeyAndSaysWhatToDo() {
        assertThatThrownBy(() -> PrivateKeys.parse("ssh-rsa AAAA", "/etc/seekfix/key.pem"))
                .isInstanceOf(InvalidKeyFileException.class)
                .hasMessageContaining("/etc/seekfix/key.pem").hasMessageContaining("BEGIN RSA PRIVATE KEY");
    }
}
