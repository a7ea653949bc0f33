package dev.seekfix.webhooks.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks {@code X-Hub-Signature-256}: {@code "sha256=" + hex(HMAC-SHA256(secret, raw body))}, compared in constant
 * time (GitHub docs, "Validating webhook deliveries"). The legacy {@code X-Hub-Signature} (SHA-1) is never accepted.
 */
public final class SignatureVerifier {

    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private final byte[] secret;

    public SignatureVerifier(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts an HMAC over a body that arrives in chunks (so the body need not be held twice). */
    public Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    public SignatureCheck verify(byte[] body, String header) {
        Mac mac = newMac();
        mac.update(body);
        return verifyHmac(mac.doFinal(), header);
    }

    /** Compares a finished HMAC with the header value. */
    public SignatureCheck verifyHmac(byte[] computedHmac, String header) {
        if (header == null || header.isBlank()) return SignatureCheck.MISSING;
        String value = header.strip();
        if (!value.startsWith(PREFIX)) return SignatureCheck.MALFORMED;
        String hex = value.substring(PREFIX.length());
        if (hex.length() != HEX_LENGTH) return SignatureCheck.MALFORMED;
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return SignatureCheck.MALFORMED;
        }
        return MessageDigest.isEqual(computedHmac, presented) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    /** The header value GitHub would send for {@code body}; for tests, replays and load clients. */
    public String sign(byte[] body) {
        Mac mac = newMac();
        return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Override
    public String toString() {
        return "SignatureVerifier[secret=***]";
    }
}
