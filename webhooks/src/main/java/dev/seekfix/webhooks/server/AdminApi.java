package dev.seekfix.webhooks.server;

import dev.seekfix.webhooks.db.Database;
import dev.seekfix.webhooks.delivery.DeliveryRecord;
import dev.seekfix.webhooks.delivery.DeliveryStatus;
import dev.seekfix.webhooks.delivery.DeliveryStore;
import dev.seekfix.webhooks.queue.DeliveryQueue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/deliveries…}: look at deliveries and replay one. Behind {@code Authorization: Bearer
 * $SEEKFIX_ADMIN_TOKEN}; without a configured token the routes answer 404, as if they did not exist.
 */
public final class AdminApi implements RouteContributor {

    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final Optional<String> token;
    private final Database database;
    private final DeliveryStore store;
    private final DeliveryQueue queue;

    public AdminApi(Optional<String> token, Database database, DeliveryStore store, DeliveryQueue queue) {
        this.token = token.filter(t -> !t.isBlank());
        this.database = database;
        this.store = store;
        this.queue = queue;
    }

    @Override
    public void contribute(RoutesConfig routes) {
        routes.get("/api/deliveries", this::list);
        routes.get("/api/deliveries/{id}", this::show);
        routes.post("/api/deliveries/{id}/replay", this::replay);
    }

    private void list(Context ctx) throws Exception {
        if (!authorized(ctx)) return;
        DeliveryStatus status;
        Instant before;
        int limit;
        try {
            String statusParam = ctx.queryParam("status");
            status = statusParam == null ? null : DeliveryStatus.fromWireName(statusParam);
            String beforeParam = ctx.queryParam("before");
            before = beforeParam == null ? null : Instant.parse(beforeParam);
            String limitParam = ctx.queryParam("limit");
            limit = limitParam == null ? DEFAULT_LIMIT : Integer.parseInt(limitParam);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1..%d, found %d".formatted(MAX_LIMIT, limit));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error(ctx, 400, "bad_query", e.getMessage()
                    + " (expected status=queued|running|done|failed|dead, before=<ISO-8601 instant>, limit=1.." + MAX_LIMIT + ")");
            return;
        }
        List<DeliveryRecord> records = database.inTransaction(c -> store.list(c, status, before, limit));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deliveries", records.stream().map(AdminApi::view).toList());
        if (records.size() == limit) answer.put("next_before", records.getLast().receivedAt().toString());
        ctx.json(answer);
    }

    private void show(Context ctx) throws Exception {
        if (!authorized(ctx)) return;
        String id = ctx.pathParam("id");
        Optional<DeliveryRecord> record = database.inTransaction(c -> store.find(c, id));
        if (record.isEmpty()) {
            error(ctx, 404, "not_found", "no delivery with id " + id);
            return;
        }
        ctx.json(view(record.get()));
    }

    private void replay(Context ctx) throws Exception {
        if (!authorized(ctx)) return;
        String id = ctx.pathParam("id");
        ReplayResult result = database.inTransaction(c -> {
            Optional<DeliveryRecord> record = store.find(c, id);
            if (record.isEmpty()) return ReplayResult.NOT_FOUND;
            if (queue.isPending(id)) return ReplayResult.ALREADY_PENDING;
            database.requireDurableCommit(c);
            store.markReplayQueued(c, id);
            queue.enqueue(id, true);
            return ReplayResult.QUEUED;
        });
        switch (result) {
            case NOT_FOUND -> error(ctx, 404, "not_found", "no delivery with id " + id);
            case ALREADY_PENDING -> error(ctx, 409, "pending",
                    "delivery %s is already queued or running; replay it once it has finished".formatted(id));
            case QUEUED -> {
                MDC.put("delivery", id);
                log.info("event=delivery.replay_queued");
                MDC.remove("delivery");
                ctx.status(202).json(Map.of("delivery", id, "status", "queued"));
            }
        }
    }

    private enum ReplayResult { NOT_FOUND, ALREADY_PENDING, QUEUED }

    private boolean authorized(Context ctx) {
        if (token.isEmpty()) {
            error(ctx, 404, "not_found", "the admin API is disabled; set SEEKFIX_ADMIN_TOKEN to enable it");
            return false;
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        boolean equal = MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
        if (!equal) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, 401, "unauthorized", "expected Authorization: Bearer <SEEKFIX_ADMIN_TOKEN>");
            return false;
        }
        return true;
    }

    private static Map<String, Object> view(DeliveryRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("event", r.event());
        v.put("action", r.action());
        v.put("installation_id", r.installationId());
        v.put("repository", r.repository());
        v.put("status", r.status().wireName());
        v.put("attempts", r.attempts());
        v.put("replays", r.replays());
        v.put("body_bytes", r.bodyBytes());
        v.put("received_at", text(r.receivedAt()));
        v.put("started_at", text(r.startedAt()));
        v.put("finished_at", text(r.finishedAt()));
        v.put("next_attempt_at", text(r.nextAttemptAt()));
        v.put("updated_at", text(r.updatedAt()));
        v.put("last_error", r.lastError());
        v.put("outcome", r.outcome());
        return v;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void error(Context ctx, int status, String code, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", code);
        answer.put("message", message);
        ctx.status(status).json(answer);
    }
}
