package dev.seekfix.webhooks.delivery;

/** Where a delivery's job stands. */
public enum DeliveryStatus {
    /** Stored and scheduled, not started. */
    QUEUED,
    /** A worker is handling it. */
    RUNNING,
    /** Handled (or deliberately ignored). */
    DONE,
    /** The last attempt failed; another is scheduled. */
    FAILED,
    /** Attempts ran out or the handler said the failure is permanent; only a replay runs it again. */
    DEAD;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isFinal() {
        return this == DONE || this == DEAD;
    }

    public static DeliveryStatus fromWireName(String name) {
        for (DeliveryStatus status : values()) {
            if (status.wireName().equals(name)) return status;
        }
        throw new IllegalArgumentException("unknown delivery status '%s'; expected one of queued, running, done, failed, dead"
                .formatted(name));
    }
}
