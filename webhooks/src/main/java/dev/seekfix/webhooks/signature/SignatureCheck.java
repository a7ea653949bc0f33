package dev.seekfix.webhooks.signature;

/** The verdict on one signature header; every value but {@code VALID} is a 401. */
public enum SignatureCheck {
    VALID,
    /** No {@code X-Hub-Signature-256} header. */
    MISSING,
    /** Not {@code sha256=} followed by 64 hex digits (a {@code sha1=} value, truncated hex, …). */
    MALFORMED,
    /** Well-formed but computed with another secret or over another body. */
    MISMATCH;

    public boolean isValid() {
        return this == VALID;
    }
}
