package dev.seekfix.webhooks.server;

/** Why a webhook request was refused; the status it gets and the metric tag it counts under. */
public enum Rejection {
    MISSING_EVENT(400, "missing_event_header"),
    MISSING_DELIVERY(400, "missing_delivery_header"),
    MALFORMED_JSON(400, "malformed_json"),
    TOO_LARGE(413, "too_large"),
    MISSING_SIGNATURE(401, "missing_signature"),
    MALFORMED_SIGNATURE(401, "malformed_signature"),
    BAD_SIGNATURE(401, "bad_signature"),
    NOT_CONFIGURED(503, "no_webhook_secret"),
    SHUTTING_DOWN(503, "shutting_down"),
    STORE_UNAVAILABLE(503, "store_unavailable");

    private final int status;
    private final String tag;

    Rejection(int status, String tag) {
        this.status = status;
        this.tag = tag;
    }

    public int status() { return status; }

    public String tag() { return tag; }
}
