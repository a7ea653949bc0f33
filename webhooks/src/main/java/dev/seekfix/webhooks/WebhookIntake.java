package dev.seekfix.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.webhooks.db.Database;
import dev.seekfix.webhooks.db.SchemaMigrations;
import dev.seekfix.webhooks.delivery.DeliveryCommitter;
import dev.seekfix.webhooks.delivery.DeliveryStatus;
import dev.seekfix.webhooks.delivery.DeliveryStore;
import dev.seekfix.webhooks.metrics.IntakeMetrics;
import dev.seekfix.webhooks.queue.DeliveryHandler;
import dev.seekfix.webhooks.queue.DeliveryJob;
import dev.seekfix.webhooks.queue.DeliveryQueue;
import dev.seekfix.webhooks.queue.DeliveryQueueRef;
import dev.seekfix.webhooks.server.AdminApi;
import dev.seekfix.webhooks.server.HealthEndpoints;
import dev.seekfix.webhooks.server.ReadinessCheck;
import dev.seekfix.webhooks.server.RouteContributor;
import dev.seekfix.webhooks.server.WebhookEndpoint;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The webhook intake, assembled: database and migrations, the delivery store, the Quartz queue with its
 * workers, and the HTTP server. {@link #start()} brings them up in that order; {@link #close()} shuts down
 * gracefully in the reverse order.
 */
public final class WebhookIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final IntakeSettings settings;
    private final Supplier<Optional<String>> secret;
    private final DeliveryHandler handler;
    private final List<RouteContributor> extraRoutes;
    private final List<ReadinessCheck> extraChecks;
    private final Clock clock;
    private final AtomicBoolean accepting = new AtomicBoolean(false);

    private Database database;
    private final boolean ownsDatabase;
    private DeliveryQueue queue;
    private DeliveryCommitter committer;
    private Javalin server;
    private PrometheusMeterRegistry prometheus;

    public WebhookIntake(IntakeSettings settings, Supplier<Optional<String>> secret, DeliveryHandler handler,
                         List<RouteContributor> extraRoutes, List<ReadinessCheck> extraChecks, Clock clock) {
        this(settings, null, secret, handler, extraRoutes, extraChecks, clock);
    }

    /**
     * @param database a database the caller opened (and will close) so that other components share it, or null to
     *                 have the intake open its own from {@code settings}
     */
    public WebhookIntake(IntakeSettings settings, Database database, Supplier<Optional<String>> secret,
                         DeliveryHandler handler, List<RouteContributor> extraRoutes, List<ReadinessCheck> extraChecks,
                         Clock clock) {
        this.settings = settings;
        this.database = database;
        this.ownsDatabase = database == null;
        this.secret = secret;
        this.handler = handler;
        this.extraRoutes = List.copyOf(extraRoutes);
        this.extraChecks = List.copyOf(extraChecks);
        this.clock = clock;
    }

    public WebhookIntake(IntakeSettings settings, DeliveryHandler handler) {
        this(settings, settings::webhookSecret, handler, List.of(), List.of(), Clock.systemUTC());
    }

    public synchronized WebhookIntake start() throws Exception {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory %s: %s; set SEEKFIX_DATA_DIR to a writable folder"
                    .formatted(settings.dataDir(), e.getMessage()), e);
        }
        if (database == null) database = openDatabase(settings);
        var migrated = new SchemaMigrations(database).migrate();
        log.info("event=storage.ready database=\"{}\" data_dir={} migrations_applied={}",
                settings.database().describe(), settings.dataDir(), migrated.migrationsExecuted);

        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IntakeMetrics metrics = new IntakeMetrics(prometheus);
        DeliveryStore store = new DeliveryStore(database.kind(), clock);
        metrics.queueDepth(() -> queueDepth(store));

        DeliveryQueueRef queueRef = new DeliveryQueueRef();
        RandomGenerator random = RandomGenerator.getDefault();
        queue = new DeliveryQueue(database, settings.queue(), (bundle, scheduler) ->
                new DeliveryJob(database, store, queueRef, handler, settings.queue().retry(), metrics, clock, random));
        queueRef.set(queue);

        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(ReadinessCheck.of("database", database::isReachable));
        checks.add(ReadinessCheck.of("scheduler", queue::isStarted));
        checks.add(ReadinessCheck.of("accepting", accepting::get));
        checks.addAll(extraChecks);

        ObjectMapper json = new ObjectMapper();
        committer = new DeliveryCommitter(database, store, queue);
        WebhookEndpoint webhook = new WebhookEndpoint(secret, committer, metrics, json, clock, accepting);
        List<RouteContributor> routes = new ArrayList<>();
        routes.add(r -> r.post("/webhooks/github", webhook));
        routes.add(new HealthEndpoints(checks, prometheus));
        routes.add(new AdminApi(settings.adminToken(), database, store, queue));
        routes.addAll(extraRoutes);

        queue.start();
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = WebhookEndpoint.MAX_BODY_BYTES + 1;
            config.concurrency.useVirtualThreads = true;
            config.jetty.modifyServer(jetty -> jetty.setStopTimeout(10_000));
            for (RouteContributor contributor : routes) contributor.contribute(config.routes);
        });
        server.start(settings.host(), settings.port());
        accepting.set(true);
        log.info("event=server.started port={} webhook=/webhooks/github admin_api={} secret_configured={}",
                server.port(), settings.adminToken().isPresent() ? "enabled" : "disabled", secret.get().isPresent());
        return this;
    }

    /** The pool the intake needs: one connection per worker plus headroom for requests and Quartz's housekeeping. */
    public static Database openDatabase(IntakeSettings settings) {
        return new Database(settings.database(), settings.queue().workers() + 16);
    }

    /** Deliveries not finished yet, counted when the gauge is scraped (not on the request path). */
    private double queueDepth(DeliveryStore store) {
        try {
            Map<DeliveryStatus, Long> counts = database.inTransaction(store::countByStatus);
            return counts.get(DeliveryStatus.QUEUED) + counts.get(DeliveryStatus.RUNNING) + counts.get(DeliveryStatus.FAILED);
        } catch (Exception e) {
            log.debug("event=queue_depth.unavailable error=\"{}\"", e.toString());
            return Double.NaN;
        }
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    public DeliveryQueue queue() {
        return queue;
    }

    /** Stop accepting, finish in-flight requests, let running jobs finish (bounded), release the database. */
    @Override
    public synchronized void close() {
        accepting.set(false);
        if (server != null) {
            server.stop();
            server = null;
        }
        if (committer != null) {
            committer.close();
            committer = null;
        }
        if (queue != null) {
            queue.shutdown();
            queue = null;
        }
        if (database != null && ownsDatabase) {
            database.close();
        }
        database = null;
        if (prometheus != null) prometheus.close();
        log.info("event=server.stopped");
    }
}
