package dev.seekfix.webhooks.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.webhooks.delivery.DeliveryCommitter;
import dev.seekfix.webhooks.delivery.IncomingDelivery;
import dev.seekfix.webhooks.delivery.PayloadFacts;
import dev.seekfix.webhooks.metrics.IntakeMetrics;
import dev.seekfix.webhooks.signature.SignatureCheck;
import dev.seekfix.webhooks.signature.SignatureVerifier;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.crypto.Mac;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code POST /webhooks/github}: check, store, schedule, acknowledge (DESIGN.md, HTTP contract). A request is
 * acknowledged with 202 only after its delivery row and its job are committed together; a rejected request
 * leaves nothing behind.
 */
public final class WebhookEndpoint implements Handler {

    public static final long MAX_BODY_BYTES = 25L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final int MAX_HEADER_LENGTH = 100;
    /** Well inside GitHub's 10 s answer window (GITHUB.md). */
    private static final long COMMIT_TIMEOUT_MILLIS = 5_000;

    private final Supplier<Optional<String>> secret;
    private final DeliveryCommitter committer;
    private final IntakeMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicBoolean accepting;
    private volatile SignatureVerifier verifier;
    private volatile String verifierSecret;

    public WebhookEndpoint(Supplier<Optional<String>> secret, DeliveryCommitter committer, IntakeMetrics metrics,
                           ObjectMapper json, Clock clock, AtomicBoolean accepting) {
        this.secret = secret;
        this.committer = committer;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.accepting = accepting;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (!accepting.get()) {
            reject(ctx, Rejection.SHUTTING_DOWN, "the server is shutting down; GitHub can redeliver this later");
            return;
        }
        String event = ctx.header("X-GitHub-Event");
        String deliveryId = ctx.header("X-GitHub-Delivery");
        if (event == null || event.isBlank() || event.length() > MAX_HEADER_LENGTH) {
            reject(ctx, Rejection.MISSING_EVENT, "expected an X-GitHub-Event header naming the event");
            return;
        }
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > MAX_HEADER_LENGTH) {
            reject(ctx, Rejection.MISSING_DELIVERY, "expected an X-GitHub-Delivery header with the delivery's id");
            return;
        }
        MDC.put("delivery", deliveryId);
        try {
            accept(ctx, event.strip(), deliveryId.strip());
        } finally {
            MDC.remove("delivery");
        }
    }

    private void accept(Context ctx, String event, String deliveryId) throws Exception {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            reject(ctx, Rejection.TOO_LARGE, "body of %d bytes exceeds the 25 MiB limit GitHub itself keeps".formatted(declared));
            return;
        }
        Optional<SignatureVerifier> current = verifier();
        if (current.isEmpty()) {
            reject(ctx, Rejection.NOT_CONFIGURED,
                    "no webhook secret is configured; finish /setup or set SEEKFIX_WEBHOOK_SECRET");
            return;
        }
        Mac mac = current.get().newMac();
        byte[] body = LimitedBody.read(ctx.bodyInputStream(), MAX_BODY_BYTES, mac, (int) Math.min(declared, Integer.MAX_VALUE));
        if (body == null) {
            reject(ctx, Rejection.TOO_LARGE, "body exceeds the 25 MiB limit GitHub itself keeps");
            return;
        }
        SignatureCheck check = current.get().verifyHmac(mac.doFinal(), ctx.header("X-Hub-Signature-256"));
        switch (check) {
            case VALID -> { }
            case MISSING -> {
                reject(ctx, Rejection.MISSING_SIGNATURE, "expected an X-Hub-Signature-256 header (sha256=<hex HMAC of the body>)");
                return;
            }
            case MALFORMED -> {
                reject(ctx, Rejection.MALFORMED_SIGNATURE, "X-Hub-Signature-256 must be sha256= followed by 64 hex digits");
                return;
            }
            case MISMATCH -> {
                reject(ctx, Rejection.BAD_SIGNATURE, "signature does not match the body; check the webhook secret");
                return;
            }
        }
        PayloadFacts facts;
        try {
            facts = PayloadFacts.read(json.getFactory(), body);
        } catch (PayloadFacts.MalformedPayloadException e) {
            reject(ctx, Rejection.MALFORMED_JSON, e.getMessage());
            return;
        }
        IncomingDelivery delivery = new IncomingDelivery(deliveryId, event, facts.action(), facts.installationId(),
                facts.repository(), clock.instant(), body);
        boolean stored;
        try {
            stored = committer.commit(delivery, COMMIT_TIMEOUT_MILLIS) == DeliveryCommitter.Result.STORED;
        } catch (DeliveryCommitter.StoreUnavailableException e) {
            log.error("event=delivery.store_failed github_event={} error=\"{}\"", event, e.getMessage());
            reject(ctx, Rejection.STORE_UNAVAILABLE, "the delivery could not be stored; GitHub can redeliver it");
            return;
        }
        if (stored) {
            metrics.received(event);
            log.info("event=delivery.accepted github_event={} action={} repository={} installation={} bytes={}",
                    event, facts.action(), facts.repository(), facts.installationId(), body.length);
        } else {
            metrics.duplicate();
            log.info("event=delivery.duplicate github_event={}", event);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("delivery", deliveryId);
        answer.put("status", stored ? "queued" : "duplicate");
        ctx.status(202).json(answer);
    }

    private Optional<SignatureVerifier> verifier() {
        Optional<String> now = secret.get().filter(s -> !s.isEmpty());
        if (now.isEmpty()) return Optional.empty();
        SignatureVerifier cached = verifier;
        if (cached == null || !now.get().equals(verifierSecret)) {
            // The secret can arrive or change at run time (the /setup flow); rebuild the verifier when it does.
            cached = new SignatureVerifier(now.get());
            verifier = cached;
            verifierSecret = now.get();
        }
        return Optional.of(cached);
    }

    private void reject(Context ctx, Rejection rejection, String message) {
        metrics.rejected(rejection.tag());
        log.warn("event=delivery.rejected reason={} status={} detail=\"{}\"", rejection.tag(), rejection.status(), message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", rejection.tag());
        answer.put("message", message);
        ctx.status(rejection.status()).json(answer);
    }
}
