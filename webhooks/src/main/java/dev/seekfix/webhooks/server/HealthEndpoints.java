package dev.seekfix.webhooks.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /healthz} (the process answers), {@code /readyz} (it can do its work), {@code /metrics} (Prometheus). */
public final class HealthEndpoints implements RouteContributor {

    private final List<ReadinessCheck> checks;
    private final PrometheusMeterRegistry prometheus;

    public HealthEndpoints(List<ReadinessCheck> checks, PrometheusMeterRegistry prometheus) {
        this.checks = List.copyOf(checks);
        this.prometheus = prometheus;
    }

    @Override
    public void contribute(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/readyz", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape()));
    }

    private void ready(Context ctx) {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean all = true;
        for (ReadinessCheck check : checks) {
            boolean ok;
            try {
                ok = check.ready();
            } catch (RuntimeException e) {
                ok = false;
            }
            results.put(check.name(), ok ? "ok" : "failing");
            all &= ok;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", all ? "ready" : "not_ready");
        answer.put("checks", results);
        ctx.status(all ? 200 : 503).json(answer);
    }
}
