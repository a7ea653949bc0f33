package dev.seekfix.webhooks.support;

import dev.seekfix.webhooks.IntakeSettings;
import dev.seekfix.webhooks.WebhookIntake;
import dev.seekfix.webhooks.db.DatabaseSettings;
import dev.seekfix.webhooks.queue.DeliveryHandler;
import dev.seekfix.webhooks.queue.QueueSettings;
import dev.seekfix.webhooks.queue.RetryPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** A real intake on a random port over a real database, with fast queue timings for tests. */
public final class RunningIntake implements AutoCloseable {

    public static final String SECRET = "It's a Secret to Everybody";
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final WebhookIntake intake;
    private final DatabaseSettings database;
    private final GitHubSender sender;

    private RunningIntake(WebhookIntake intake, DatabaseSettings database) {
        this.intake = intake;
        this.database = database;
        this.sender = new GitHubSender(intake.port(), SECRET);
    }

    public static RunningIntake start(Path dataDir, DatabaseSettings database, DeliveryHandler handler,
                                      RetryPolicy retry, Optional<String> adminToken) throws Exception {
        QueueSettings queue = new QueueSettings("test-" + UUID.randomUUID(), 4,
                database.kind().supportsClustering(), Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofSeconds(5), retry);
        IntakeSettings settings = new IntakeSettings("127.0.0.1", 0, dataDir, database, Optional.of(SECRET), adminToken, queue);
        return new RunningIntake(new WebhookIntake(settings, handler).start(), database);
    }

    public static RetryPolicy fastRetry(int attempts) {
        return new RetryPolicy(attempts, Duration.ofMillis(40), Duration.ofMillis(200));
    }

    public GitHubSender sender() {
        return sender;
    }

    public int port() {
        return intake.port();
    }

    public WebhookIntake intake() {
        return intake;
    }

    public long count(String sql) {
        return TestDatabases.count(database, sql);
    }

    public long storedDeliveries() {
        return count("SELECT COUNT(*) FROM seekfix_deliveries");
    }

    public long scheduledJobs() {
        return count("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS");
    }

    public String status(String deliveryId) {
        return queryString("SELECT status FROM seekfix_deliveries WHERE id = '" + deliveryId.replace("'", "''") + "'");
    }

    private String queryString(String sql) {
        try (var c = java.sql.DriverManager.getConnection(database.url(), database.user(), database.password());
             var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        intake.close();
    }
}
